using System.Buffers.Binary;
using System.Text;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// One PNG chunk. <see cref="LengthField"/> and <see cref="CrcField"/> are written as given when set (to lie),
/// otherwise computed from <see cref="Data"/>.
/// </summary>
internal sealed record PngChunk(string Type, byte[] Data, uint? LengthField = null, uint? CrcField = null)
{
    public static PngChunk Create(string type, byte[] data) => new(type, data);
}

/// <summary>A PNG split into chunks (https://www.w3.org/TR/png/#5Chunk-layout); bytes after the last whole chunk are kept as is.</summary>
internal sealed record PngFile(List<PngChunk> Chunks, byte[] Trailer)
{
    public static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngFile? Parse(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith(Signature))
        {
            return null;
        }
        var chunks = new List<PngChunk>();
        var offset = Signature.Length;
        while (offset + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
            if (length > bytes.Length - offset - 12)
            {
                break;
            }
            var type = Encoding.Latin1.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, (int)length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 8 + (int)length));
            var computed = Crc32.Compute(bytes.AsSpan(offset + 4, 4), data);
            chunks.Add(new PngChunk(type, data, CrcField: crc == computed ? null : crc));
            offset += 12 + (int)length;
        }
        return chunks.Count == 0 ? null : new PngFile(chunks, bytes[offset..]);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        stream.Write(Signature);
        Span<byte> field = stackalloc byte[4];
        foreach (var chunk in Chunks)
        {
            var type = Encoding.Latin1.GetBytes(chunk.Type);
            BinaryPrimitives.WriteUInt32BigEndian(field, chunk.LengthField ?? (uint)chunk.Data.Length);
            stream.Write(field);
            stream.Write(type);
            stream.Write(chunk.Data);
            BinaryPrimitives.WriteUInt32BigEndian(field, chunk.CrcField ?? Crc32.Compute(type, chunk.Data));
            stream.Write(field);
        }
        stream.Write(Trailer);
        return stream.ToArray();
    }

    public int IndexOf(string type) => Chunks.FindIndex(c => c.Type == type);

    /// <summary>Just after IHDR (where ancillary chunks that must precede IDAT go), or 0 if IHDR is gone.</summary>
    public int AfterHeader => IndexOf("IHDR") + 1;
}

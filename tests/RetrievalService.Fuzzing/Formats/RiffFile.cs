using System.Buffers.Binary;
using System.Text;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>One RIFF chunk; a set <see cref="SizeField"/> is written instead of the true size.</summary>
internal sealed record RiffChunk(string FourCc, byte[] Data, uint? SizeField = null)
{
    public static RiffChunk Create(string fourCc, byte[] data) => new(fourCc, data);
}

/// <summary>
/// A WebP container: "RIFF", size, "WEBP", then chunks padded to even length
/// (https://developers.google.com/speed/webp/docs/riff_container). A set <see cref="RiffSizeField"/> lies about the file size.
/// </summary>
internal sealed record RiffFile(List<RiffChunk> Chunks, byte[] Trailer, uint? RiffSizeField = null)
{
    public static RiffFile? Parse(byte[] bytes)
    {
        if (FormatSniffer.Sniff(bytes) != ImageFormatKind.Webp)
        {
            return null;
        }
        var chunks = new List<RiffChunk>();
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4));
            if (size > bytes.Length - offset - 8)
            {
                break;
            }
            chunks.Add(RiffChunk.Create(Encoding.Latin1.GetString(bytes, offset, 4), bytes[(offset + 8)..(offset + 8 + (int)size)]));
            offset += 8 + (int)size + (int)(size & 1);
        }
        return chunks.Count == 0 ? null : new RiffFile(chunks, bytes[Math.Min(offset, bytes.Length)..]);
    }

    public byte[] ToBytes()
    {
        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        Span<byte> field = stackalloc byte[4];
        foreach (var chunk in Chunks)
        {
            body.Write(Encoding.Latin1.GetBytes(chunk.FourCc));
            BinaryPrimitives.WriteUInt32LittleEndian(field, chunk.SizeField ?? (uint)chunk.Data.Length);
            body.Write(field);
            body.Write(chunk.Data);
            if ((chunk.Data.Length & 1) == 1)
            {
                body.WriteByte(0);
            }
        }
        body.Write(Trailer);
        using var file = new MemoryStream();
        file.Write("RIFF"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(field, RiffSizeField ?? (uint)body.Length);
        file.Write(field);
        body.WriteTo(file);
        return file.ToArray();
    }

    public int IndexOf(string fourCc) => Chunks.FindIndex(c => c.FourCc == fourCc);
}

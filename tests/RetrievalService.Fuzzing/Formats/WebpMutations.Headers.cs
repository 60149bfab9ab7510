using System.Buffers.Binary;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>Bitstream and extended headers: VP8 and VP8L dimensions, the VP8X canvas and flags, the ALPH header.</summary>
public static partial class WebpMutations
{
    /// <summary>VP8 key frame: 3-byte tag, start code 9D 01 2A, then 14-bit width and height with 2 scale bits each (RFC 6386 §9.1).</summary>
    public static Mutated? LossyDimensions(byte[] input, Random random) => EditChunk(input, "VP8 ", 10, data =>
    {
        var (field, offset) = random.Next(2) == 0 ? ("width", 6) : ("height", 8);
        var value = (ushort)random.Pick([0, 1, 16_383, 0x4000 | 100, 0xC000 | 16_383, random.Next(0x10000)]);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(offset), value);
        return $"webp.vp8-{field}-field=0x{value:X4}";
    });

    /// <summary>VP8L header: signature 0x2F, then 14 bits width−1, 14 bits height−1, alpha bit, 3-bit version (all zero).</summary>
    public static Mutated? LosslessDimensions(byte[] input, Random random) => EditChunk(input, "VP8L", 5, data =>
    {
        var bits = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(1));
        var value = (uint)random.Pick([0, 1, 11_999, 12_000, 16_383]);
        string label;
        switch (random.Next(3))
        {
            case 0:
                bits = (bits & ~0x3FFFu) | value;
                label = $"webp.vp8l-width={value + 1}";
                break;
            case 1:
                bits = (bits & ~(0x3FFFu << 14)) | (value << 14);
                label = $"webp.vp8l-height={value + 1}";
                break;
            default:
                var version = (uint)random.Next(1, 8);
                bits = (bits & 0x1FFF_FFFF) | (version << 29);
                label = $"webp.vp8l-version={version}";
                break;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), bits);
        return label;
    });

    /// <summary>VP8X canvas: 24-bit width−1 and height−1; added (making the file extended) when the seed is simple.</summary>
    public static Mutated? CanvasDimensions(byte[] input, Random random) => Edit(input, chunks =>
    {
        var index = EnsureExtendedHeader(chunks);
        var data = (byte[])chunks[index].Data.Clone();
        var value = random.Pick(CanvasSizes);
        var (field, offset) = random.Next(2) == 0 ? ("width", 4) : ("height", 7);
        WriteUInt24(data.AsSpan(offset), value - 1);
        chunks[index] = chunks[index] with { Data = data };
        return $"webp.vp8x-canvas-{field}={value}";
    });

    /// <summary>Flags that promise animation, ICC, EXIF, XMP or alpha chunks the file does not have.</summary>
    public static Mutated? ExtendedFlags(byte[] input, Random random) => Edit(input, chunks =>
    {
        var index = EnsureExtendedHeader(chunks);
        var data = (byte[])chunks[index].Data.Clone();
        data[0] = (byte)random.Pick([0x02, 0x04, 0x08, 0x10, 0x20, 0x3E, 0xFF, random.Next(256)]);
        chunks[index] = chunks[index] with { Data = data };
        return $"webp.vp8x-flags=0x{data[0]:X2}";
    });

    /// <summary>ALPH header byte: 2 bits pre-processing, 2 bits filter, 2 bits compression (only 0 and 1 exist).</summary>
    public static Mutated? AlphaHeader(byte[] input, Random random) => EditChunk(input, "ALPH", 1, data =>
    {
        data[0] = (byte)random.Next(256);
        return $"webp.alph-header=0x{data[0]:X2}";
    });

    private static Mutated? EditChunk(byte[] input, string fourCc, int minLength, Func<byte[], string> edit) => Edit(input, chunks =>
    {
        var index = chunks.FindIndex(c => c.FourCc == fourCc && c.Data.Length >= minLength);
        if (index < 0)
        {
            return null;
        }
        var data = (byte[])chunks[index].Data.Clone();
        var label = edit(data);
        chunks[index] = chunks[index] with { Data = data };
        return label;
    });
}

using System.Buffers.Binary;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// WebP container and bitstream-header surgery: lying RIFF and chunk sizes, chunk duplication and loss,
/// VP8/VP8L/VP8X dimensions that lie, VP8X flags without their chunks, ALPH headers, and animation floods.
/// </summary>
public static class WebpMutations
{
    private static readonly uint[] CanvasSizes = [1, 2, 11_999, 12_000, 12_001, 16_383, 16_384, 65_536, 0xFF_FFFF, 0x100_0000];

    public static IReadOnlyList<Mutation> Structural { get; } =
        [RiffSize, ChunkSize, DuplicateChunk, DropChunk, SwapChunks, ExtendedFlags, AlphaHeader, AnimationFlood];

    public static IReadOnlyList<Mutation> HeaderLies { get; } = [LossyDimensions, LosslessDimensions, CanvasDimensions];

    public static Mutated? RiffSize(byte[] input, Random random)
    {
        var webp = RiffFile.Parse(input);
        if (webp is null)
        {
            return null;
        }
        var size = random.Pick<uint>([0, 4, 12, (uint)input.Length, (uint)input.Length + 1_000, 0x7FFF_FFFF, 0xFFFF_FFFF]);
        return new((webp with { RiffSizeField = size }).ToBytes(), $"webp.riff-size={size}");
    }

    public static Mutated? ChunkSize(byte[] input, Random random) => Edit(input, chunks =>
    {
        var index = random.Next(chunks.Count);
        var actual = (uint)chunks[index].Data.Length;
        var size = random.Pick<uint>([0, 1, actual - 1, actual + 1, actual + 4_096, 0x7FFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFF7]);
        chunks[index] = chunks[index] with { SizeField = size };
        return $"webp.chunk-size:{chunks[index].FourCc}#{index}={size}";
    });

    public static Mutated? DuplicateChunk(byte[] input, Random random) => Edit(input, chunks =>
    {
        var index = random.Next(chunks.Count);
        var target = random.Next(chunks.Count + 1);
        chunks.Insert(target, chunks[index]);
        return $"webp.duplicate:{chunks[target].FourCc}→#{target}";
    });

    public static Mutated? DropChunk(byte[] input, Random random) => Edit(input, chunks =>
    {
        var index = random.Next(chunks.Count);
        var name = chunks[index].FourCc;
        chunks.RemoveAt(index);
        return chunks.Count == 0 ? null : $"webp.drop:{name}#{index}";
    });

    public static Mutated? SwapChunks(byte[] input, Random random) => Edit(input, chunks =>
    {
        if (chunks.Count < 2)
        {
            return null;
        }
        var (a, b) = (random.Next(chunks.Count), random.Next(chunks.Count));
        (chunks[a], chunks[b]) = (chunks[b], chunks[a]);
        return $"webp.swap:{chunks[b].FourCc}#{a}↔{chunks[a].FourCc}#{b}";
    });

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

    /// <summary>An animated file of many ANMF frames (each the seed's bitstream), frames placed anywhere on the canvas.</summary>
    public static Mutated? AnimationFlood(byte[] input, Random random) => Edit(input, chunks =>
    {
        var bitstream = chunks.Where(c => c.FourCc is "VP8 " or "VP8L" or "ALPH").ToList();
        if (bitstream.Count == 0)
        {
            return null;
        }
        var body = new RiffFile(bitstream, []).ToBytes()[12..];
        var frames = Math.Max(1, Math.Min(random.Pick([2, 100, 1_000]), (4 << 20) / Math.Max(1, body.Length)));
        var frameOffset = (uint)random.Pick([0, 1, 100, 0x7F_FFFF]);
        var header = new byte[16];
        WriteUInt24(header, frameOffset);
        WriteUInt24(header.AsSpan(3), frameOffset);
        var (width, height) = ReadCanvas(chunks);
        WriteUInt24(header.AsSpan(6), width - 1);
        WriteUInt24(header.AsSpan(9), height - 1);
        var frame = RiffChunk.Create("ANMF", [.. header, .. body]);
        var index = EnsureExtendedHeader(chunks);
        var flags = (byte[])chunks[index].Data.Clone();
        flags[0] |= 0x02;
        chunks[index] = chunks[index] with { Data = flags };
        chunks.RemoveAll(c => c.FourCc is "VP8 " or "VP8L" or "ALPH");
        chunks.Add(RiffChunk.Create("ANIM", new byte[6]));
        chunks.AddRange(Enumerable.Repeat(frame, frames));
        return $"webp.anim-flood:{frames}-frames@{frameOffset}";
    });

    internal static Mutated? Edit(byte[] input, Func<List<RiffChunk>, string?> edit)
    {
        var webp = RiffFile.Parse(input);
        if (webp is null)
        {
            return null;
        }
        var chunks = new List<RiffChunk>(webp.Chunks);
        var label = edit(chunks);
        return label is null ? null : new Mutated((webp with { Chunks = chunks }).ToBytes(), label);
    }

    /// <summary>Returns VP8X's index, inserting a flag-less VP8X sized like the bitstream if there is none.</summary>
    internal static int EnsureExtendedHeader(List<RiffChunk> chunks)
    {
        var index = chunks.FindIndex(c => c.FourCc == "VP8X");
        if (index >= 0 && chunks[index].Data.Length >= 10)
        {
            return index;
        }
        var (width, height) = ReadCanvas(chunks);
        var data = new byte[10];
        WriteUInt24(data.AsSpan(4), width - 1);
        WriteUInt24(data.AsSpan(7), height - 1);
        chunks.Insert(0, RiffChunk.Create("VP8X", data));
        return 0;
    }

    private static (uint Width, uint Height) ReadCanvas(List<RiffChunk> chunks)
    {
        var vp8x = chunks.Find(c => c.FourCc == "VP8X" && c.Data.Length >= 10);
        if (vp8x is not null)
        {
            return (ReadUInt24(vp8x.Data.AsSpan(4)) + 1, ReadUInt24(vp8x.Data.AsSpan(7)) + 1);
        }
        var lossless = chunks.Find(c => c.FourCc == "VP8L" && c.Data.Length >= 5);
        if (lossless is not null)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(lossless.Data.AsSpan(1));
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        var lossy = chunks.Find(c => c.FourCc == "VP8 " && c.Data.Length >= 10);
        return lossy is null
            ? (1, 1)
            : ((uint)Math.Max(1, BinaryPrimitives.ReadUInt16LittleEndian(lossy.Data.AsSpan(6)) & 0x3FFF),
               (uint)Math.Max(1, BinaryPrimitives.ReadUInt16LittleEndian(lossy.Data.AsSpan(8)) & 0x3FFF));
    }

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

    private static uint ReadUInt24(ReadOnlySpan<byte> bytes) => (uint)(bytes[0] | bytes[1] << 8 | bytes[2] << 16);

    private static void WriteUInt24(Span<byte> bytes, uint value)
    {
        bytes[0] = (byte)value;
        bytes[1] = (byte)(value >> 8);
        bytes[2] = (byte)(value >> 16);
    }
}

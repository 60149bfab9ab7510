using System.Buffers.Binary;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// WebP container and bitstream-header surgery: lying RIFF and chunk sizes, chunk duplication and loss,
/// VP8/VP8L/VP8X dimensions that lie, VP8X flags without their chunks, ALPH headers, and animation floods.
/// </summary>
public static partial class WebpMutations
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

    private static uint ReadUInt24(ReadOnlySpan<byte> bytes) => (uint)(bytes[0] | bytes[1] << 8 | bytes[2] << 16);

    private static void WriteUInt24(Span<byte> bytes, uint value)
    {
        bytes[0] = (byte)value;
        bytes[1] = (byte)(value >> 8);
        bytes[2] = (byte)(value >> 16);
    }
}

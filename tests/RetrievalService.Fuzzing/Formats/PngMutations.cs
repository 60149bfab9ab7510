namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// PNG chunk surgery: duplicate, reorder, drop, bad CRC, lying lengths, damaged zlib with a valid CRC, and IHDR
/// fields that lie. Edits inside a chunk recompute its CRC unless the CRC is the point, so the damage reaches
/// the decoder rather than stopping at libpng's CRC check.
/// </summary>
public static partial class PngMutations
{
    private static readonly uint[] Dimensions = [0, 1, 2, 11_999, 12_000, 12_001, 6_000, 40_000, 65_535, 65_536, 1 << 20, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF];

    public static IReadOnlyList<Mutation> Structural { get; } =
        [DuplicateChunk, ReorderChunks, DropChunk, BadCrc, LyingLength, ChunkNoise, SplitIdat, PaletteSize, TrailingGarbage, UnknownChunkFlood, AnimationControl];

    public static IReadOnlyList<Mutation> HeaderLies { get; } = [HeaderDimension, HeaderField];

    public static Mutated? DuplicateChunk(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var source = random.Next(chunks.Count);
        var target = random.Next(chunks.Count + 1);
        chunks.Insert(target, chunks[source]);
        return $"png.duplicate:{chunks[source].Type}→#{target}";
    });

    public static Mutated? ReorderChunks(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        if (chunks.Count < 2)
        {
            return null;
        }
        var (a, b) = (random.Next(chunks.Count), random.Next(chunks.Count));
        (chunks[a], chunks[b]) = (chunks[b], chunks[a]);
        return $"png.swap:{chunks[b].Type}#{a}↔{chunks[a].Type}#{b}";
    });

    public static Mutated? DropChunk(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var index = random.Next(chunks.Count);
        var type = chunks[index].Type;
        chunks.RemoveAt(index);
        return $"png.drop:{type}#{index}";
    });

    public static Mutated? BadCrc(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var index = random.Next(chunks.Count);
        chunks[index] = chunks[index] with { CrcField = (uint)random.NextInt64(0, 1L << 32) };
        return $"png.bad-crc:{chunks[index].Type}#{index}";
    });

    public static Mutated? LyingLength(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var index = random.Next(chunks.Count);
        var actual = (uint)chunks[index].Data.Length;
        uint[] candidates = [0, actual + 1, actual == 0 ? 0 : actual - 1, actual + 4096, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF];
        var length = random.Pick(candidates);
        chunks[index] = chunks[index] with { LengthField = length };
        return $"png.length:{chunks[index].Type}#{index}={length}";
    });

    public static Mutated? ChunkNoise(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var index = random.Next(chunks.Count);
        var chunk = chunks[index];
        if (chunk.Data.Length == 0)
        {
            return null;
        }
        var data = (byte[])chunk.Data.Clone();
        var offset = random.Next(data.Length);
        var length = Math.Min(random.RunLength(), data.Length - offset);
        random.NextBytes(data.AsSpan(offset, length));
        chunks[index] = chunk with { Data = data };
        return $"png.noise-valid-crc:{chunk.Type}#{index}@{offset}+{length}";
    });

    public static Mutated? PaletteSize(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var index = chunks.FindIndex(c => c.Type is "PLTE" or "tRNS");
        if (index < 0)
        {
            return null;
        }
        var entries = random.Pick([0, 1, 2, 255, 257, 1024]);
        var size = chunks[index].Type == "PLTE" ? 3 * entries : entries;
        var data = new byte[size];
        chunks[index].Data.AsSpan(0, Math.Min(size, chunks[index].Data.Length)).CopyTo(data);
        chunks[index] = chunks[index] with { Data = data };
        return $"png.{chunks[index].Type}-entries={entries}";
    });

    public static Mutated? TrailingGarbage(byte[] input, Random random)
    {
        var png = PngFile.Parse(input);
        if (png is null)
        {
            return null;
        }
        var length = random.RunLength();
        return new(ByteEdits.Concat(png.ToBytes(), random.Noise(length)), $"png.after-iend-garbage+{length}");
    }

    /// <summary>Parses, lets <paramref name="edit"/> change the chunk list and name what it did, writes back.</summary>
    internal static Mutated? Edit(byte[] input, Func<PngFile, List<PngChunk>, string?> edit)
    {
        var png = PngFile.Parse(input);
        if (png is null)
        {
            return null;
        }
        var chunks = new List<PngChunk>(png.Chunks);
        var label = edit(png, chunks);
        return label is null ? null : new Mutated((png with { Chunks = chunks }).ToBytes(), label);
    }
}

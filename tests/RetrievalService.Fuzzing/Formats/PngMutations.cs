using System.Buffers.Binary;
using System.Text;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// PNG chunk surgery: duplicate, reorder, drop, bad CRC, lying lengths, damaged zlib with a valid CRC, and IHDR
/// fields that lie. Edits inside a chunk recompute its CRC unless the CRC is the point, so the damage reaches
/// the decoder rather than stopping at libpng's CRC check.
/// </summary>
public static class PngMutations
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

    /// <summary>Many tiny IDATs: the same pixels, but thousands of chunk round trips through the decoder.</summary>
    public static Mutated? SplitIdat(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var first = chunks.FindIndex(c => c.Type == "IDAT");
        if (first < 0)
        {
            return null;
        }
        var count = chunks.Skip(first).TakeWhile(c => c.Type == "IDAT").Count();
        var stream = chunks.Skip(first).Take(count).SelectMany(c => c.Data).ToArray();
        var piece = random.Pick([1, 2, 7, 64]);
        chunks.RemoveRange(first, count);
        chunks.InsertRange(first, stream.Chunk(piece).Select(p => PngChunk.Create("IDAT", p)));
        return $"png.split-idat:{piece}-byte";
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

    /// <summary>Thousands of small ancillary chunks before IDAT: each is parsed and skipped.</summary>
    public static Mutated? UnknownChunkFlood(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var count = random.Pick([1_000, 10_000, 50_000]);
        var type = random.Pick(["tEXt", "vpAg", "prVt", "sPLT"]);
        var chunk = PngChunk.Create(type, Encoding.Latin1.GetBytes("k\0v"));
        chunks.InsertRange(png.AfterHeader, Enumerable.Repeat(chunk, count));
        return $"png.flood:{count}×{type}";
    });

    /// <summary>APNG control chunks claiming absurd frame counts; a still-image decoder must ignore them.</summary>
    public static Mutated? AnimationControl(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var frames = random.Pick<uint>([0, 1, 2, 0x7FFF_FFFF, 0xFFFF_FFFF]);
        var actl = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(actl, frames);
        chunks.Insert(png.AfterHeader, PngChunk.Create("acTL", actl));
        var fctl = new byte[26];
        BinaryPrimitives.WriteUInt32BigEndian(fctl.AsSpan(4), random.Pick(Dimensions));
        BinaryPrimitives.WriteUInt32BigEndian(fctl.AsSpan(8), random.Pick(Dimensions));
        chunks.Insert(png.AfterHeader + 1, PngChunk.Create("fcTL", fctl));
        return $"png.actl-frames={frames}";
    });

    public static Mutated? HeaderDimension(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var index = png.IndexOf("IHDR");
        if (index < 0 || chunks[index].Data.Length < 13)
        {
            return null;
        }
        var data = (byte[])chunks[index].Data.Clone();
        var (field, offset) = random.Next(2) == 0 ? ("width", 0) : ("height", 4);
        var value = random.Pick(Dimensions);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(offset), value);
        chunks[index] = chunks[index] with { Data = data };
        return $"png.ihdr-{field}={value}";
    });

    /// <summary>Bit depth, colour type, compression, filter and interlace method: each byte has few legal values.</summary>
    public static Mutated? HeaderField(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var index = png.IndexOf("IHDR");
        if (index < 0 || chunks[index].Data.Length < 13)
        {
            return null;
        }
        var data = (byte[])chunks[index].Data.Clone();
        string[] names = ["bit-depth", "colour-type", "compression", "filter", "interlace"];
        var field = random.Next(names.Length);
        var value = (byte)random.Pick<int>([0, 1, 2, 3, 4, 6, 8, 16, 255]);
        data[8 + field] = value;
        chunks[index] = chunks[index] with { Data = data };
        return $"png.ihdr-{names[field]}={value}";
    });

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

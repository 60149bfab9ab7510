using System.Buffers.Binary;
using System.Text;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>Many small chunks: split IDAT, unknown-chunk floods and APNG control chunks.</summary>
public static partial class PngMutations
{
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
}

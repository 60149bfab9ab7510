using System.Buffers.Binary;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// GIF block surgery: screen and frame rectangles that lie, colour-table flags without tables, LZW code sizes
/// out of range, sub-block sizes that overrun, frame and extension floods.
/// </summary>
public static class GifMutations
{
    private static readonly ushort[] Dimensions = [0, 1, 2, 6_000, 11_999, 12_000, 12_001, 40_000, 65_535];

    public static IReadOnlyList<Mutation> Structural { get; } =
        [FrameRectangle, ColourTableFlags, LzwCodeSize, SubBlockSize, DropBlock, FrameFlood, ExtensionFlood, NoTrailer];

    public static IReadOnlyList<Mutation> HeaderLies { get; } = [ScreenDimension];

    public static Mutated? ScreenDimension(byte[] input, Random random) => Edit(input, gif =>
    {
        var (field, offset) = random.Next(2) == 0 ? ("width", 6) : ("height", 8);
        var value = random.Pick(Dimensions);
        var preamble = (byte[])gif.Preamble.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(preamble.AsSpan(offset), value);
        return Write(gif with { Preamble = preamble }, $"gif.screen-{field}={value}");
    });

    public static Mutated? FrameRectangle(byte[] input, Random random) => EditImage(input, random, (header, frame) =>
    {
        string[] fields = ["left", "top", "width", "height"];
        var field = random.Next(fields.Length);
        var value = random.Pick(Dimensions);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(1 + 2 * field), value);
        return $"gif.frame#{frame}-{fields[field]}={value}";
    });

    /// <summary>Sets or clears a colour-table flag or size without adding or removing the table itself.</summary>
    public static Mutated? ColourTableFlags(byte[] input, Random random)
    {
        if (random.Next(2) == 0)
        {
            return Edit(input, gif =>
            {
                var preamble = (byte[])gif.Preamble.Clone();
                preamble[10] ^= (byte)random.Pick([0x80, 0x07, 0x01, 0x87]);
                return Write(gif with { Preamble = preamble }, $"gif.global-table-packed=0x{preamble[10]:X2}");
            });
        }
        return EditImage(input, random, (header, frame) =>
        {
            header[9] ^= (byte)random.Pick([0x80, 0x40, 0x07, 0x87]);
            return $"gif.frame#{frame}-packed=0x{header[9]:X2}";
        });
    }

    public static Mutated? LzwCodeSize(byte[] input, Random random) => EditImage(input, random, (header, frame) =>
    {
        header[^1] = (byte)random.Pick([0, 1, 2, 8, 11, 12, 13, 255]);
        return $"gif.frame#{frame}-lzw-min-code-size={header[^1]}";
    });

    /// <summary>A sub-block whose size byte disagrees with its data, so the decoder reads pixels as sizes or sizes as pixels.</summary>
    public static Mutated? SubBlockSize(byte[] input, Random random) => Edit(input, gif =>
    {
        var candidates = gif.Blocks.Select((b, i) => (b, i)).Where(p => p.b.SubBlocks.Count > 0).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var (block, index) = random.Pick(candidates);
        var sub = random.Next(block.SubBlocks.Count);
        var data = block.SubBlocks[sub];
        var cut = random.Next(data.Length);
        byte[] replaced = random.Next(2) == 0 ? data[..cut] : [.. data[..cut], .. random.Noise(Math.Min(255 - cut, random.RunLength()))];
        var subBlocks = new List<byte[]>(block.SubBlocks) { [sub] = replaced };
        var blocks = new List<GifBlock>(gif.Blocks) { [index] = block with { SubBlocks = subBlocks } };
        var rewritten = gif with { Blocks = blocks };
        var bytes = rewritten.ToBytes();
        // The model always writes true sizes; the lie is patched into the serialised bytes.
        bytes[OffsetOfSubBlock(rewritten, index, sub)] = (byte)data.Length;
        return new Mutated(bytes, $"gif.block#{index}-subblock{sub}-size={data.Length}-actual={replaced.Length}");
    });

    public static Mutated? DropBlock(byte[] input, Random random) => Edit(input, gif =>
    {
        var index = random.Next(gif.Blocks.Count);
        var block = gif.Blocks[index];
        var kind = block.IsImage ? "image" : block.IsTrailer ? "trailer" : $"ext-0x{block.Header[^1]:X2}";
        var blocks = new List<GifBlock>(gif.Blocks);
        blocks.RemoveAt(index);
        return Write(gif with { Blocks = blocks }, $"gif.drop:{kind}#{index}");
    });

    /// <summary>Many copies of one frame (with its control extension): GIF has no frame count to check up front.</summary>
    public static Mutated? FrameFlood(byte[] input, Random random) => Edit(input, gif =>
    {
        var image = gif.Blocks.FindIndex(b => b.IsImage);
        if (image < 0)
        {
            return null;
        }
        var start = image > 0 && gif.Blocks[image - 1].Header is [0x21, 0xF9] ? image - 1 : image;
        var frame = gif.Blocks.GetRange(start, image - start + 1);
        var size = frame.Sum(b => b.Header.Length + b.SubBlocks.Sum(s => s.Length + 1) + 1);
        var copies = Math.Max(1, Math.Min(random.Pick([10, 500, 5_000]), (4 << 20) / size));
        var blocks = new List<GifBlock>(gif.Blocks);
        blocks.InsertRange(image + 1, Enumerable.Repeat(frame, copies).SelectMany(f => f));
        return Write(gif with { Blocks = blocks }, $"gif.frame-flood:{copies}-frames");
    });

    /// <summary>Thousands of comment or unknown extensions before the first frame, each to be skipped.</summary>
    public static Mutated? ExtensionFlood(byte[] input, Random random) => Edit(input, gif =>
    {
        var label = (byte)random.Pick([0xFE, 0x01, 0x77]);
        var count = random.Pick([1_000, 10_000]);
        var payload = random.Noise(random.Pick([1, 255]));
        var blocks = new List<GifBlock>(gif.Blocks);
        blocks.InsertRange(0, Enumerable.Repeat(new GifBlock([0x21, label], [payload]), count));
        return Write(gif with { Blocks = blocks }, $"gif.extension-flood:{count}×0x{label:X2}×{payload.Length}B");
    });

    public static Mutated? NoTrailer(byte[] input, Random random) => Edit(input, gif =>
        Write(gif with { Blocks = [.. gif.Blocks.Where(b => !b.IsTrailer)], Trailer = [] }, "gif.no-trailer"));

    private static Mutated? Edit(byte[] input, Func<GifFile, Mutated?> edit)
    {
        var gif = GifFile.Parse(input);
        return gif is null ? null : edit(gif);
    }

    private static Mutated Write(GifFile gif, string label) => new(gif.ToBytes(), label);

    private static Mutated? EditImage(byte[] input, Random random, Func<byte[], int, string> edit) => Edit(input, gif =>
    {
        var images = gif.Blocks.Select((b, i) => (b, i)).Where(p => p.b.IsImage).ToList();
        if (images.Count == 0)
        {
            return null;
        }
        var frame = random.Next(images.Count);
        var (block, index) = images[frame];
        var header = (byte[])block.Header.Clone();
        var label = edit(header, frame);
        var blocks = new List<GifBlock>(gif.Blocks) { [index] = block with { Header = header } };
        return Write(gif with { Blocks = blocks }, label);
    });

    private static int OffsetOfSubBlock(GifFile gif, int blockIndex, int subIndex)
    {
        var offset = gif.Preamble.Length;
        for (var i = 0; i < blockIndex; i++)
        {
            var block = gif.Blocks[i];
            offset += block.Header.Length + (block.IsTrailer ? 0 : block.SubBlocks.Sum(s => s.Length + 1) + 1);
        }
        offset += gif.Blocks[blockIndex].Header.Length;
        return offset + gif.Blocks[blockIndex].SubBlocks.Take(subIndex).Sum(s => s.Length + 1);
    }
}

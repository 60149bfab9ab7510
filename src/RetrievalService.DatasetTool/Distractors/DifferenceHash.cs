using System.Numerics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SixLabors.ImageSharp.Processing.Processors.Transforms;

namespace RetrievalService.DatasetTool.Distractors;

/// <summary>
/// A 256-bit difference hash: the whole frame reduced to 17×16 grey cells, one bit per pair of neighbouring cells in
/// a row, set when the right one is brighter. Resizes, re-encodings and mild recolourings of one photo land a few
/// bits apart; unrelated photos about half of the 256. Unlike an average hash (cell brighter than the mean), it does
/// not call two landscapes copies because both have a bright sky over dark ground. It finds copies of a picture,
/// not other pictures of the same subject.
/// </summary>
public readonly record struct DifferenceHash(ulong Bits0, ulong Bits1, ulong Bits2, ulong Bits3)
{
    /// <summary>Rows of cells, and bits per row.</summary>
    public const int Side = 16;

    /// <summary>The hash of <paramref name="image"/> (the aspect ratio is ignored: a copy keeps its frame).</summary>
    public static DifferenceHash Of(Image<Rgb24> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        // Box: each cell is the mean of the pixels it covers, so the hash does not depend on the source's size.
        using var cells = image.Clone(x => x.Resize(Side + 1, Side, new BoxResampler()));
        var words = new ulong[4];
        cells.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < Side; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < Side; x++)
                {
                    if (Grey(row[x + 1]) > Grey(row[x]))
                    {
                        var bit = y * Side + x;
                        words[bit / 64] |= 1UL << (bit % 64);
                    }
                }
            }
        });
        return new DifferenceHash(words[0], words[1], words[2], words[3]);
    }

    /// <summary>Bits that differ: 0 for the same picture, about 128 for unrelated ones.</summary>
    public int DistanceTo(DifferenceHash other) =>
        BitOperations.PopCount(Bits0 ^ other.Bits0) + BitOperations.PopCount(Bits1 ^ other.Bits1)
        + BitOperations.PopCount(Bits2 ^ other.Bits2) + BitOperations.PopCount(Bits3 ^ other.Bits3);

    private static double Grey(Rgb24 pixel) => 0.299 * pixel.R + 0.587 * pixel.G + 0.114 * pixel.B;
}

using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Evaluator.Tests.Fixtures;

/// <summary>Small synthetic pictures that a CNN tells apart easily: stripes, checks, rings, gradients, noise.</summary>
internal static class PatternImages
{
    public static Image<Rgb24> Draw(string pattern, int width, int height, int seed = 0)
    {
        var random = new Random(seed);
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    row[x] = Pixel(pattern, x, y, width, height, random);
                }
            }
        });
        return image;
    }

    private static Rgb24 Pixel(string pattern, int x, int y, int width, int height, Random random) => pattern switch
    {
        // Stripes widen to the right so the picture is not its own mirror image.
        "stripes" => (y / (4 + 12 * x / width)) % 2 == 0 ? new Rgb24(220, 30, 30) : new Rgb24(250, 220, 40),
        "checks" => ((x / 16) + (y / 16)) % 2 == 0 ? new Rgb24(20, 40, 200) : new Rgb24(245, 245, 245),
        "rings" => (int)(Math.Sqrt(Sq(x - width / 3) + Sq(y - height / 2)) / 9) % 2 == 0 ? new Rgb24(20, 160, 40) : new Rgb24(10, 10, 10),
        "gradient" => new Rgb24((byte)(255 * x / width), (byte)(255 * y / height), 200),
        "noise" => new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)),
        "dots" => Sq((x % 24) - 12) + Sq((y % 24) - 12) < 36 ? new Rgb24(250, 130, 0) : new Rgb24(90, 0, 120),
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, null),
    };

    private static int Sq(int v) => v * v;
}

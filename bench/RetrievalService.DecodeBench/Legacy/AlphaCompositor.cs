using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.DecodeBench.Legacy;

/// <summary>The old transparency flattening onto the manifest's background, in integers.</summary>
internal static class AlphaCompositor
{
    /// <summary>Each channel is <c>(c·a + b·(255 − a) + 127) / 255</c>: exact for a = 0 and a = 255, nearest otherwise.</summary>
    public static Image<Rgb24> Composite(Image<Rgba32> source, Rgb24 background)
    {
        var target = new Image<Rgb24>(source.GetConfiguration(), source.Width, source.Height);
        source.ProcessPixelRows(target, (from, to) =>
        {
            for (var y = 0; y < from.Height; y++)
            {
                var input = from.GetRowSpan(y);
                var output = to.GetRowSpan(y);
                for (var x = 0; x < input.Length; x++)
                {
                    var p = input[x];
                    output[x] = new Rgb24(Blend(p.R, background.R, p.A), Blend(p.G, background.G, p.A), Blend(p.B, background.B, p.A));
                }
            }
        });
        return target;
    }

    public static Rgb24 Background(IReadOnlyList<byte> rgb)
    {
        if (rgb.Count != 3)
        {
            throw new ArgumentException($"An alpha background needs exactly 3 bytes (R, G, B), got {rgb.Count}.", nameof(rgb));
        }
        return new Rgb24(rgb[0], rgb[1], rgb[2]);
    }

    private static byte Blend(byte colour, byte background, byte alpha) =>
        (byte)((colour * alpha + background * (255 - alpha) + 127) / 255);
}

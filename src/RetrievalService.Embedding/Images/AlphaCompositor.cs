using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// Flattens transparency onto a fixed background. The models see RGB only, so what a transparent pixel
/// becomes must be a property of the model (its manifest), not of whichever encoder produced the file.
/// </summary>
public static class AlphaCompositor
{
    /// <summary>
    /// Returns a new opaque image: each channel is <c>(c·a + b·(255 − a) + 127) / 255</c> in integers,
    /// which is exact for a = 0 and a = 255 and rounds to nearest otherwise.
    /// </summary>
    public static Image<Rgb24> Composite(Image<Rgba32> source, Rgb24 background)
    {
        ArgumentNullException.ThrowIfNull(source);
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

    /// <summary>Reads the manifest's <c>[R, G, B]</c> background.</summary>
    public static Rgb24 Background(IReadOnlyList<byte> rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Count != 3)
        {
            throw new ArgumentException($"An alpha background needs exactly 3 bytes (R, G, B), got {rgb.Count}.", nameof(rgb));
        }
        return new Rgb24(rgb[0], rgb[1], rgb[2]);
    }

    private static byte Blend(byte colour, byte background, byte alpha) =>
        (byte)((colour * alpha + background * (255 - alpha) + 127) / 255);
}

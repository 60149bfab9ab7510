using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Images;

/// <summary>Lays out RGB pixels as three float planes (NCHW, N = 1) with the raw 0..255 values.</summary>
public static class NchwWriter
{
    /// <summary>
    /// Writes R, G and B planes of <paramref name="image"/> into <paramref name="destination"/>, which must hold
    /// exactly 3 · H · W floats. No scaling or mean subtraction: normalisation lives inside each model's graph.
    /// </summary>
    public static void Write(Image<Rgb24> image, Memory<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        var plane = image.Width * image.Height;
        if (destination.Length != 3 * plane)
        {
            throw new ArgumentException($"A {image.Width}×{image.Height} image needs {3 * plane} floats, got {destination.Length}.", nameof(destination));
        }
        image.ProcessPixelRows(rows =>
        {
            var all = destination.Span;
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var offset = y * rows.Width;
                var red = all.Slice(offset, row.Length);
                var green = all.Slice(plane + offset, row.Length);
                var blue = all.Slice(2 * plane + offset, row.Length);
                for (var x = 0; x < row.Length; x++)
                {
                    red[x] = row[x].R;
                    green[x] = row[x].G;
                    blue[x] = row[x].B;
                }
            }
        });
    }
}

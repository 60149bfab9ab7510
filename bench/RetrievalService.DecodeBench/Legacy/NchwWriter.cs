using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.DecodeBench.Legacy;

/// <summary>The old layout: three float planes (NCHW, N = 1) holding the raw 0..255 values, no normalisation.</summary>
internal static class NchwWriter
{
    public static float[] ToTensor(Image<Rgb24> image)
    {
        var plane = image.Width * image.Height;
        // A plain array rather than the old pooled buffer: the values are what matter here, and callers keep them.
        var tensor = new float[3 * plane];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var offset = y * rows.Width;
                var red = tensor.AsSpan(offset, row.Length);
                var green = tensor.AsSpan(plane + offset, row.Length);
                var blue = tensor.AsSpan(2 * plane + offset, row.Length);
                for (var x = 0; x < row.Length; x++)
                {
                    red[x] = row[x].R;
                    green[x] = row[x].G;
                    blue[x] = row[x].B;
                }
            }
        });
        return tensor;
    }
}

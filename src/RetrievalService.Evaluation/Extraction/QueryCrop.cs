using RetrievalService.Embedding.Images;
using RetrievalService.Evaluation.Datasets;

namespace RetrievalService.Evaluation.Extraction;

/// <summary>Turns a <c>bbx</c> into the pixel rectangle to crop, as PIL's <c>Image.crop</c> does for revisitop.</summary>
public static class QueryCrop
{
    /// <summary>
    /// Coordinates are rounded half to even (Python's <c>round</c>, which PIL applies), x2/y2 are exclusive,
    /// and the box is clipped to the image (PIL would pad outside pixels with black instead).
    /// </summary>
    /// <exception cref="ArgumentException">Nothing of the box lies inside the image.</exception>
    public static PixelRect Rectangle(BoundingBox box, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(box);
        var x1 = Clamp(box.X1, width);
        var y1 = Clamp(box.Y1, height);
        var x2 = Clamp(box.X2, width);
        var y2 = Clamp(box.Y2, height);
        if (x2 <= x1 || y2 <= y1)
        {
            throw new ArgumentException(
                $"The box [{box.X1}, {box.Y1}, {box.X2}, {box.Y2}] does not overlap the {width}×{height} image.", nameof(box));
        }
        return new PixelRect(x1, y1, x2 - x1, y2 - y1);
    }

    /// <summary>The rectangle of <paramref name="box"/> for whatever size the pipeline reports, or none without a box.</summary>
    public static Func<PixelSize, PixelRect>? Region(BoundingBox? box) =>
        box is null ? null : size => Rectangle(box, size.Width, size.Height);

    private static int Clamp(double value, int limit) =>
        Math.Clamp((int)Math.Round(value, MidpointRounding.ToEven), 0, limit);
}

namespace RetrievalService.DatasetTool.Geometry;

/// <summary>
/// The region of a source photo that a view shows: four corners in source pixels, in the order that maps to the
/// view's top-left, top-right, bottom-right and bottom-left corners. Views are built convex.
/// </summary>
public sealed record Quad(PointD TopLeft, PointD TopRight, PointD BottomRight, PointD BottomLeft)
{
    /// <summary>The corners in view order (clockwise on screen, where y points down).</summary>
    public IReadOnlyList<PointD> Corners => [TopLeft, TopRight, BottomRight, BottomLeft];

    /// <summary>An axis-aligned rectangle as a quad.</summary>
    public static Quad FromRectangle(double x, double y, double width, double height) =>
        new(new(x, y), new(x + width, y), new(x + width, y + height), new(x, y + height));

    /// <summary>Mean of the corners.</summary>
    public PointD Centre => (TopLeft + TopRight + BottomRight + BottomLeft) * 0.25;

    /// <summary>Area in square source pixels.</summary>
    public double Area => ConvexPolygons.Area(Corners);

    /// <summary>Applies <paramref name="map"/> to every corner.</summary>
    public Quad Map(Func<PointD, PointD> map) => new(map(TopLeft), map(TopRight), map(BottomRight), map(BottomLeft));

    /// <summary>Smallest axis-aligned box holding the quad: (left, top, right, bottom).</summary>
    public (double Left, double Top, double Right, double Bottom) Bounds =>
        (Corners.Min(c => c.X), Corners.Min(c => c.Y), Corners.Max(c => c.X), Corners.Max(c => c.Y));

    /// <summary>
    /// The quad scaled about its centre just enough to fit a <paramref name="width"/>×<paramref name="height"/> image,
    /// then shifted inside it. Rotated or warped views can stick out of the photo; shrinking keeps their shape.
    /// </summary>
    public Quad FitInside(double width, double height)
    {
        var (left, top, right, bottom) = Bounds;
        var scale = Math.Min(1, Math.Min(width / (right - left), height / (bottom - top)));
        var centre = Centre;
        var scaled = scale < 1 ? Map(p => centre + (p - centre) * scale) : this;
        (left, top, right, bottom) = scaled.Bounds;
        var shift = new PointD(Shift(left, right, width), Shift(top, bottom, height));
        return scaled.Map(p => p + shift);
    }

    private static double Shift(double low, double high, double size) =>
        low < 0 ? -low : high > size ? size - high : 0;
}

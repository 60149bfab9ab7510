namespace RetrievalService.DatasetTool.Geometry;

/// <summary>Area and intersection of convex polygons (views are convex quads), exact up to double rounding.</summary>
public static class ConvexPolygons
{
    /// <summary>Unsigned area by the shoelace formula.</summary>
    public static double Area(IReadOnlyList<PointD> polygon) => Math.Abs(SignedArea(polygon));

    /// <summary>Area of the intersection of two convex polygons (Sutherland–Hodgman clipping).</summary>
    public static double IntersectionArea(IReadOnlyList<PointD> subject, IReadOnlyList<PointD> clip) =>
        Area(Intersect(subject, clip));

    /// <summary>The intersection polygon of <paramref name="subject"/> with the convex <paramref name="clip"/>; empty when disjoint.</summary>
    public static IReadOnlyList<PointD> Intersect(IReadOnlyList<PointD> subject, IReadOnlyList<PointD> clip)
    {
        // Clipping keeps the side of each edge the clip polygon's interior is on, whichever its winding.
        var orientation = Math.Sign(SignedArea(clip));
        IReadOnlyList<PointD> output = subject;
        for (var e = 0; e < clip.Count && output.Count > 0; e++)
        {
            var (a, b) = (clip[e], clip[(e + 1) % clip.Count]);
            output = ClipByEdge(output, a, b, orientation);
        }
        return output;
    }

    private static List<PointD> ClipByEdge(IReadOnlyList<PointD> input, PointD a, PointD b, int orientation)
    {
        var result = new List<PointD>(input.Count + 2);
        for (var i = 0; i < input.Count; i++)
        {
            var (current, next) = (input[i], input[(i + 1) % input.Count]);
            var (currentIn, nextIn) = (Side(a, b, current) * orientation >= 0, Side(a, b, next) * orientation >= 0);
            if (currentIn)
            {
                result.Add(current);
            }
            if (currentIn != nextIn)
            {
                result.Add(Crossing(a, b, current, next));
            }
        }
        return result;
    }

    private static double Side(PointD a, PointD b, PointD p) => PointD.Cross(b - a, p - a);

    private static PointD Crossing(PointD a, PointD b, PointD p, PointD q)
    {
        var (sp, sq) = (Side(a, b, p), Side(a, b, q));
        return p + (q - p) * (sp / (sp - sq));
    }

    private static double SignedArea(IReadOnlyList<PointD> polygon)
    {
        var twice = 0.0;
        for (var i = 0; i < polygon.Count; i++)
        {
            twice += PointD.Cross(polygon[i], polygon[(i + 1) % polygon.Count]);
        }
        return twice / 2;
    }
}

namespace RetrievalService.DatasetTool.Geometry;

/// <summary>
/// Ground truth from geometry for views of the same photo. With Q the query's source region and G the gallery
/// view's, both convex quads in source-photo pixels:
/// <c>visible = |Q∩G| / |Q|</c> (how much of the query the gallery view shows) and
/// <c>share = |Q∩G| / |G|</c> (how much of the gallery view is query content, i.e. relative scale).
/// Easy: <c>visible ≥ 0.5</c> and <c>share ≥ 0.25</c>. Hard: not easy, <c>max(visible, share) ≥ 0.25</c> and
/// <c>min(visible, share) ≥ 0.05</c> (a part of the query, or the query as a small part of a wide view).
/// Junk: everything else of the same photo, including views that do not overlap the query at all — like a
/// photo of the same building's other side in ROxford, it is neither a match nor a distractor.
/// </summary>
public static class OverlapRule
{
    /// <summary>Least share of the query an easy view shows.</summary>
    public const double EasyVisible = 0.5;

    /// <summary>Least share of an easy view that is query content.</summary>
    public const double EasyShare = 0.25;

    /// <summary>Least value of the larger fraction for a hard view.</summary>
    public const double HardMax = 0.25;

    /// <summary>Least value of the smaller fraction for a hard view.</summary>
    public const double HardMin = 0.05;

    /// <summary>Classifies a gallery view of the query's own photo.</summary>
    public static Relevance Classify(Quad query, Quad gallery)
    {
        var overlap = ConvexPolygons.IntersectionArea(query.Corners, gallery.Corners);
        return Classify(overlap / query.Area, overlap / gallery.Area);
    }

    /// <summary>Classifies from the two overlap fractions (see the type's summary).</summary>
    public static Relevance Classify(double visible, double share)
    {
        if (visible >= EasyVisible && share >= EasyShare)
        {
            return Relevance.Easy;
        }
        return Math.Max(visible, share) >= HardMax && Math.Min(visible, share) >= HardMin
            ? Relevance.Hard
            : Relevance.Junk;
    }
}

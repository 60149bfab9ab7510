using RetrievalService.DatasetTool.Geometry;

namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>
/// One view of a photo: the source region (a convex quad in source pixels) mapped projectively onto a
/// <paramref name="Width"/>×<paramref name="Height"/> image, then <paramref name="Look"/> applied.
/// </summary>
public sealed record ViewSpec(string Name, Quad Region, int Width, int Height, Photometric Look);

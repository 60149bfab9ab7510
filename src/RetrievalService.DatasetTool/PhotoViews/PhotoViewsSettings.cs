namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>How many views each photo gets and how they are drawn.</summary>
/// <param name="GalleryViews">Gallery views per photo, the whole photo included.</param>
/// <param name="Queries">Query views per photo.</param>
/// <param name="ValFraction">Share of the non-held-out photos that go to val (the rest to train).</param>
/// <param name="Gallery">Distribution of gallery views.</param>
/// <param name="Query">Distribution of query views.</param>
public sealed record PhotoViewsSettings(int GalleryViews, int Queries, double ValFraction, ViewDistribution Gallery, ViewDistribution Query)
{
    /// <summary>The settings the committed counts and docs refer to.</summary>
    public static readonly PhotoViewsSettings Default = new(24, 4, 0.2, ViewDistribution.Gallery, ViewDistribution.Query);
}

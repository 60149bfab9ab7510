namespace RetrievalService.Training.Data;

/// <summary>One image of a split: a query (the anchor side of a tuple) or a gallery image.</summary>
/// <param name="IsQuery">Whether <paramref name="Index"/> indexes the query list (<c>qimlist</c>) or the gallery (<c>imlist</c>).</param>
/// <param name="Index">0-based position in that list.</param>
public readonly record struct SplitImage(bool IsQuery, int Index)
{
    /// <summary>Query <paramref name="index"/>.</summary>
    public static SplitImage Query(int index) => new(true, index);

    /// <summary>Gallery image <paramref name="index"/>.</summary>
    public static SplitImage Gallery(int index) => new(false, index);
}

namespace RetrievalService.Indexing;

/// <summary>Outcome of one item, in the order the items were given.</summary>
/// <param name="Id">The item's id as given.</param>
/// <param name="Status">Stored, unchanged, or rejected.</param>
/// <param name="Reason">For a rejected item, what is wrong and how to fix it; null otherwise.</param>
public sealed record IndexItemResult(string Id, IndexItemStatus Status, string? Reason)
{
    /// <summary>
    /// For a rejected item, a stable machine-readable code: a decoder reason (<c>Empty</c>, <c>TooManyBytes</c>,
    /// <c>TooWide</c>, <c>TooTall</c>, <c>TooManyPixels</c>, <c>UnsupportedFormat</c>, <c>Corrupt</c>) or one of
    /// <see cref="RejectionCodes"/>; null otherwise.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>
    /// The item's row held its content already but no thumbnail, and got one now without embedding again (the item is
    /// <see cref="IndexItemStatus.Unchanged"/>, or <see cref="IndexItemStatus.Stored"/> when its source or metadata changed too).
    /// </summary>
    public bool ThumbnailAdded { get; init; }

    internal static IndexItemResult Stored(string id) => new(id, IndexItemStatus.Stored, null);

    internal static IndexItemResult Unchanged(string id) => new(id, IndexItemStatus.Unchanged, null);

    internal static IndexItemResult Rejected(string id, string code, string reason) =>
        new(id, IndexItemStatus.Rejected, reason) { Code = code };
}

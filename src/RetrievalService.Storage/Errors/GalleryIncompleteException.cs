using RetrievalService.Storage.Model;

namespace RetrievalService.Storage.Errors;

/// <summary>A switch was refused: the gallery to make live does not hold exactly the live gallery's images.</summary>
public sealed class GalleryIncompleteException(GalleryComparison comparison) : GalleryStoreException(Describe(comparison))
{
    /// <summary>What differs.</summary>
    public GalleryComparison Comparison { get; } = comparison;

    private static string Describe(GalleryComparison c) =>
        $"The '{c.NextModelId}' gallery does not hold exactly the live '{c.LiveModelId}' gallery's {c.LiveItems} images: " +
        $"{c.Missing} missing{Sample(c.MissingIds)}, {c.Stale} with other content or metadata{Sample(c.StaleIds)}, " +
        $"{c.Extra} not in the live gallery{Sample(c.ExtraIds)}. While uploads go on, a few of these are uploads between their two " +
        "writes: switch again first. Then index the missing and stale ones with " +
        $"'{c.NextModelId}' (images uploaded through POST /index only are not in the indexer's sources: index their files again), " +
        "delete the extra ones from that gallery, and switch again.";

    private static string Sample(IReadOnlyList<string> ids) => ids.Count == 0 ? "" : $" (e.g. {string.Join(", ", ids.Select(id => $"'{id}'"))})";
}

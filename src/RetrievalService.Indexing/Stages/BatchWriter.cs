using RetrievalService.Storage;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Model;

namespace RetrievalService.Indexing.Stages;

/// <summary>
/// Writes embedded items in one COPY transaction each (<see cref="GalleryStore.UpsertManyAsync"/>): a batch is
/// committed whole or not at all, so an interrupted run leaves no half-written row. Items that only lack their thumbnail
/// get it by <see cref="GalleryStore.AddThumbnailsAsync"/>, which touches nothing else.
/// </summary>
internal static class BatchWriter
{
    /// <summary>Each item with its outcome; ids are unique within a run, so the store's answers are matched by id here.</summary>
    public static async Task<List<(CheckedItem Item, IndexItemResult Result)>> WriteAsync(
        GalleryStore store, string modelId, IReadOnlyList<EmbeddedItem> items, CancellationToken ct)
    {
        var results = await AddThumbnailsAsync(store, modelId, [.. items.Where(i => i.Embedding is null)], ct);
        results.AddRange(await UpsertAsync(store, modelId, [.. items.Where(i => i.Embedding is not null)], ct));
        return results;
    }

    // Rows that kept their content since the read stage get the thumbnail; the others changed meanwhile, and a later run
    // embeds their new content with its own thumbnail.
    private static async Task<List<(CheckedItem Item, IndexItemResult Result)>> AddThumbnailsAsync(
        GalleryStore store, string modelId, IReadOnlyList<EmbeddedItem> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return [];
        }
        var added = await store.AddThumbnailsAsync(modelId, [.. items.Select(i => (i.Item.Id, i.Item.ContentSha256, i.Thumbnail!))], ct);
        return [.. items.Select(i => (i.Item, (i.Item.DescriptionUpdated ? IndexItemResult.Stored(i.Item.Id) : IndexItemResult.Unchanged(i.Item.Id))
            with { ThumbnailAdded = added.Contains(i.Item.Id) }))];
    }

    private static async Task<List<(CheckedItem Item, IndexItemResult Result)>> UpsertAsync(
        GalleryStore store, string modelId, IReadOnlyList<EmbeddedItem> items, CancellationToken ct)
    {
        var results = new List<(CheckedItem, IndexItemResult)>(items.Count);
        if (items.Count == 0)
        {
            return results;
        }
        var pending = items.ToDictionary(p => p.Item.Id, StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            try
            {
                var batch = await store.UpsertManyAsync(modelId, pending.Values.Select(ToGalleryItem).ToList(), ct);
                results.AddRange(batch.Items.Select(r => (pending[r.Id].Item, r.Stored ? IndexItemResult.Stored(r.Id) : IndexItemResult.Unchanged(r.Id))));
                return results;
            }
            catch (InvalidGalleryItemException e) when (e.ItemId is { } badId && pending.Remove(badId, out var bad))
            {
                // Only the vector can be invalid here (ids, hashes and sources were checked before embedding):
                // reject that item and commit the rest rather than failing the batch.
                results.Add((bad.Item, IndexItemResult.Rejected(badId, RejectionCodes.InvalidEmbedding, $"The teacher's vector was refused: {e.Reason}.")));
            }
        }
        return results;
    }

    private static GalleryItem ToGalleryItem(EmbeddedItem e) =>
        new(e.Item.Id, e.Item.ContentSha256, e.Item.Source, e.Item.Metadata, e.Embedding!) { Thumbnail = e.Thumbnail };
}

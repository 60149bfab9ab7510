using RetrievalService.Storage;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Model;

namespace RetrievalService.Indexing.Stages;

/// <summary>
/// Writes embedded items in one COPY transaction each (<see cref="GalleryStore.UpsertManyAsync"/>): a batch is
/// committed whole or not at all, so an interrupted run leaves no half-written row.
/// </summary>
internal static class BatchWriter
{
    /// <summary>Each item with its outcome; ids are unique within a run, so the store's answers are matched by id here.</summary>
    public static async Task<List<(CheckedItem Item, IndexItemResult Result)>> WriteAsync(
        GalleryStore store, string modelId, IReadOnlyList<EmbeddedItem> items, CancellationToken ct)
    {
        var results = new List<(CheckedItem, IndexItemResult)>(items.Count);
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
        new(e.Item.Id, e.Item.ContentSha256, e.Item.Source, e.Item.Metadata, e.Embedding);
}

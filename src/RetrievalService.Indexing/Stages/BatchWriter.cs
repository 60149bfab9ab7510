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
    public static async Task<List<IndexItemResult>> WriteAsync(
        GalleryStore store, string modelId, IReadOnlyList<EmbeddedItem> items, CancellationToken ct)
    {
        var results = new List<IndexItemResult>(items.Count);
        var pending = items.ToList();
        while (pending.Count > 0)
        {
            try
            {
                var batch = await store.UpsertManyAsync(modelId, pending.Select(ToGalleryItem).ToList(), ct);
                results.AddRange(batch.Items.Select(r => r.Stored ? IndexItemResult.Stored(r.Id) : IndexItemResult.Unchanged(r.Id)));
                return results;
            }
            catch (InvalidGalleryItemException e) when (e.ItemId is { } badId && pending.Any(p => p.Item.Id == badId))
            {
                // Only the vector can be invalid here (ids, hashes and sources were checked before embedding):
                // reject that item and commit the rest rather than failing the batch.
                results.Add(IndexItemResult.Rejected(badId, RejectionCodes.InvalidEmbedding, $"The teacher's vector was refused: {e.Reason}."));
                pending.RemoveAll(p => p.Item.Id == badId);
            }
        }
        return results;
    }

    private static GalleryItem ToGalleryItem(EmbeddedItem e) =>
        new(e.Item.Id, e.Item.ContentSha256, e.Item.Source, e.Item.Metadata, e.Embedding);
}

using System.Threading.Channels;
using RetrievalService.Indexing.Stages;

namespace RetrievalService.Indexing.Pipeline;

internal sealed partial class IndexingRun
{
    // Ids looked up per query when skipping unchanged items; large enough to amortise the round trip.
    private const int LookupGroupSize = 256;

    private async Task ReadAsync(IEnumerable<IndexItem> items, ChannelWriter<CheckedItem> output, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var group = new List<CheckedItem>();
        long groupBytes = 0;
        var position = -1;
        foreach (var item in items)
        {
            position++;
            ct.ThrowIfCancellationRequested();
            if (item is null)
            {
                throw new ArgumentException($"Item {position} is null.", nameof(items));
            }
            if (ItemChecks.Check(item.Id, item.Source, item.Metadata, out var metadata) is { } invalid)
            {
                Report(position, item, invalid);
                continue;
            }
            if (!seen.Add(item.Id))
            {
                Report(position, item, ItemChecks.Duplicate(item.Id));
                continue;
            }
            var (content, unreadable) = await item.Content.ReadAsync(item.Id, pipeline.Preparer.Limits.MaxBytes, ct);
            if (unreadable is not null)
            {
                Report(position, item, unreadable);
                continue;
            }
            if (!readAhead.TryTake(content.Length))
            {
                // The lookup group holds bytes too: hand it on before waiting, or the wait could never end.
                await FlushAsync(group, output, ct);
                groupBytes = 0;
                await readAhead.TakeAsync(content.Length, ct);
            }
            group.Add(new CheckedItem(position, item, metadata, content, ContentHash.Sha256Hex(content.Span)));
            groupBytes += content.Length;
            if (group.Count >= LookupGroupSize || groupBytes >= settings.ReadAheadBytes / 2)
            {
                await FlushAsync(group, output, ct);
                groupBytes = 0;
            }
        }
        await FlushAsync(group, output, ct);
    }

    private async Task FlushAsync(List<CheckedItem> group, ChannelWriter<CheckedItem> output, CancellationToken ct)
    {
        if (group.Count == 0)
        {
            return;
        }
        var items = group.ToList();
        group.Clear();
        foreach (var item in settings.Force ? items : await SkipUnchangedAsync(items, ct))
        {
            await output.WriteAsync(item, ct);
        }
    }

    /// <summary>
    /// Reports items whose id is stored for the teacher with the same content hash, and returns the rest. Such an item
    /// that brings another source or new metadata has its row updated without embedding again (reported stored); with
    /// the same source and equal or no metadata it is unchanged. One whose row has no thumbnail (indexed before there were
    /// thumbnails) is returned marked <see cref="CheckedItem.ThumbnailOnly"/>, to be decoded for its thumbnail alone.
    /// </summary>
    private async Task<List<CheckedItem>> SkipUnchangedAsync(IReadOnlyList<CheckedItem> items, CancellationToken ct)
    {
        var store = pipeline.Store;
        var stored = await store.GetStoredContentAsync(pipeline.TeacherId, items.Select(i => i.Id).ToList(), ct);
        var todo = new List<CheckedItem>(items.Count);
        var same = new List<CheckedItem>();
        foreach (var item in items)
        {
            (stored.TryGetValue(item.Id, out var row) && row.ContentSha256 == item.ContentSha256 ? same : todo).Add(item);
        }
        var updated = await store.UpdateDescriptionsAsync(pipeline.TeacherId, [.. same.Select(i => (i.Id, i.ContentSha256, i.Source, i.Metadata))], ct);
        foreach (var item in same)
        {
            if (!stored[item.Id].HasThumbnail)
            {
                todo.Add(item with { ThumbnailOnly = true, DescriptionUpdated = updated.Contains(item.Id) });
                continue;
            }
            readAhead.Give(item.Content.Length);
            Report(item, updated.Contains(item.Id) ? IndexItemResult.Stored(item.Id) : IndexItemResult.Unchanged(item.Id));
        }
        return todo;
    }
}

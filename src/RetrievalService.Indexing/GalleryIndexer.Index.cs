using System.Diagnostics;
using RetrievalService.Indexing.Stages;

namespace RetrievalService.Indexing;

public sealed partial class GalleryIndexer
{
    /// <summary>
    /// Indexes <paramref name="items"/> and returns one result per item, in input order. Items are written in
    /// transactions of <see cref="IndexingOptions.WriteBatchSize"/>: when this throws (database unreachable,
    /// cancellation), batches already committed stay, and a retry reports them <see cref="IndexItemStatus.Unchanged"/>.
    /// </summary>
    /// <exception cref="Storage.Errors.GalleryStoreException">The store failed (unreachable, dimension mismatch).</exception>
    public async Task<IReadOnlyList<IndexItemResult>> IndexAsync(IReadOnlyList<IndexItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var started = Stopwatch.GetTimestamp();
        var results = new IndexItemResult[items.Count];
        var candidates = Check(items, results);
        await EnsureModelAsync(cancellationToken);
        var todo = await SkipUnchangedAsync(candidates, r => results[r.Index] = r.Result, cancellationToken);
        foreach (var chunk in todo.Chunk(Options.WriteBatchSize))
        {
            var prepared = Prepare(chunk, r => results[r.Index] = r.Result, cancellationToken);
            var embedded = TeacherStage.Embed(Teacher, prepared, Options.EmbedBatchSize);
            var written = await BatchWriter.WriteAsync(Store, TeacherId, embedded, cancellationToken);
            var indexById = chunk.ToDictionary(c => c.Id, c => c.Index, StringComparer.Ordinal);
            foreach (var result in written)
            {
                results[indexById[result.Id]] = result;
            }
        }
        IndexingLog.Indexed(logger, items.Count, results.Count(r => r.Status == IndexItemStatus.Stored),
            results.Count(r => r.Status == IndexItemStatus.Unchanged), results.Count(r => r.Status == IndexItemStatus.Rejected),
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return results;
    }

    private static List<CheckedItem> Check(IReadOnlyList<IndexItem> items, IndexItemResult[] results)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<CheckedItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentException($"Item {i} is null.", nameof(items));
            if (ItemChecks.Check(item.Id, item.Source, item.Metadata, out var metadata) is { } rejected)
            {
                results[i] = rejected;
            }
            else if (!seen.Add(item.Id))
            {
                results[i] = ItemChecks.Duplicate(item.Id);
            }
            else
            {
                candidates.Add(new CheckedItem(i, item.Id, item.Source, metadata, item.Content, ContentHash.Sha256Hex(item.Content.Span)));
            }
        }
        return candidates;
    }

    /// <summary>
    /// Reports items whose id is stored for the teacher with the same content hash, and returns the rest. Such an item
    /// that brings metadata has it replaced without embedding again (reported stored); with equal or no metadata it is
    /// unchanged.
    /// </summary>
    internal async Task<List<CheckedItem>> SkipUnchangedAsync(
        IReadOnlyList<CheckedItem> items, Action<(int Index, IndexItemResult Result)> report, CancellationToken ct)
    {
        var stored = await Store.GetContentHashesAsync(TeacherId, items.Select(i => i.Id).ToList(), ct);
        var todo = new List<CheckedItem>(items.Count);
        var same = new List<CheckedItem>();
        foreach (var item in items)
        {
            (stored.TryGetValue(item.Id, out var hash) && hash == item.ContentSha256 ? same : todo).Add(item);
        }
        var withMetadata = same.Where(i => i.Metadata is not null).Select(i => (i.Id, i.ContentSha256, i.Metadata!)).ToList();
        var updated = await Store.ReplaceMetadataAsync(TeacherId, withMetadata, ct);
        foreach (var item in same)
        {
            report((item.Index, updated.Contains(item.Id) ? IndexItemResult.Stored(item.Id) : IndexItemResult.Unchanged(item.Id)));
        }
        return todo;
    }

    private List<PreparedItem> Prepare(IReadOnlyList<CheckedItem> items, Action<(int Index, IndexItemResult Result)> report, CancellationToken ct)
    {
        var outcomes = new (PreparedItem? Prepared, IndexItemResult? Rejected)[items.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.EffectiveDecodeParallelism, CancellationToken = ct };
        Parallel.For(0, items.Count, parallel, i => outcomes[i] = Preparer.Prepare(items[i], ct));
        var prepared = new List<PreparedItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (outcomes[i].Rejected is { } rejected)
            {
                report((items[i].Index, rejected));
            }
            else
            {
                prepared.Add(outcomes[i].Prepared!);
            }
        }
        return prepared;
    }
}

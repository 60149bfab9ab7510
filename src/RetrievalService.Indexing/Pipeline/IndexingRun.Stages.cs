using System.Diagnostics;
using System.Threading.Channels;
using RetrievalService.Indexing.Stages;

namespace RetrievalService.Indexing.Pipeline;

internal sealed partial class IndexingRun
{
    // How long the writer waits for a batch to fill before committing what it has: short enough that progress
    // (and what a kill can lose) stays small, long enough to keep COPY batches large at full speed.
    private static readonly TimeSpan WriteLinger = TimeSpan.FromMilliseconds(500);

    // An item that only lacks its thumbnail skips the teacher and goes straight to the writer, which the embed stage
    // completes only after every decoder has finished. Once decoded, an item's bytes go back to the read-ahead budget,
    // and the item goes on without them (the writer needs their hash, not the file).
    private async Task DecodeAsync(ChannelReader<CheckedItem> input, ChannelWriter<PreparedItem> output, ChannelWriter<EmbeddedItem> thumbnailsOnly,
        CancellationToken ct)
    {
        await foreach (var item in input.ReadAllAsync(ct))
        {
            if (item.ThumbnailOnly)
            {
                var (thumbnail, failure) = pipeline.Preparer.Thumbnail(item, ct);
                readAhead.Give(item.Content.Length);
                if (thumbnail is null)
                {
                    IndexingLog.ThumbnailFailed(pipeline.Logger, item.Id, item.Source, failure);
                    Report(item, item.DescriptionUpdated ? IndexItemResult.Stored(item.Id) : IndexItemResult.Unchanged(item.Id));
                    continue;
                }
                await thumbnailsOnly.WriteAsync(new EmbeddedItem(item.WithoutContent(), null, thumbnail), ct);
                continue;
            }
            var (prepared, rejected) = pipeline.Preparer.Prepare(item, ct);
            readAhead.Give(item.Content.Length);
            if (rejected is not null)
            {
                Report(item, rejected);
                continue;
            }
            if (prepared!.Thumbnail is null)
            {
                IndexingLog.ThumbnailFailed(pipeline.Logger, item.Id, item.Source, "the JPEG encoder produced nothing");
            }
            try
            {
                await output.WriteAsync(prepared!, ct);
            }
            catch
            {
                prepared!.Tensor.Dispose();
                throw;
            }
        }
    }

    private async Task EmbedAsync(ChannelReader<PreparedItem> input, ChannelWriter<EmbeddedItem> output, CancellationToken ct)
    {
        var batchSize = pipeline.Options.EmbedBatchSize;
        while (await ChannelBatches.ReadAsync(input, batchSize, TimeSpan.Zero, ct) is { Count: > 0 } batch)
        {
            foreach (var item in TeacherStage.Embed(pipeline.Teacher, batch, batchSize))
            {
                await output.WriteAsync(item, ct);
            }
        }
    }

    private async Task WriteAsync(ChannelReader<EmbeddedItem> input, CancellationToken ct)
    {
        while (await ChannelBatches.ReadAsync(input, pipeline.Options.WriteBatchSize, WriteLinger, ct) is { Count: > 0 } batch)
        {
            var began = Stopwatch.GetTimestamp();
            var results = await BatchWriter.WriteAsync(pipeline.Store, pipeline.TeacherId, batch, ct);
            IndexingLog.BatchCommitted(pipeline.Logger, batch.Count, pipeline.TeacherId, (long)Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            foreach (var (item, result) in results)
            {
                Report(item, result);
            }
            lock (reportGate)
            {
                observer.OnBatchCommitted(results.Count);
            }
            if (settings.PauseAfterBatch > TimeSpan.Zero)
            {
                await Task.Delay(settings.PauseAfterBatch, ct);
            }
        }
    }
}

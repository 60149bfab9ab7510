using System.Diagnostics;
using System.Threading.Channels;
using RetrievalService.Indexing.Stages;

namespace RetrievalService.Indexing.Pipeline;

public sealed partial class IndexingPipeline
{
    // How long the writer waits for a batch to fill before committing what it has: short enough that progress
    // (and what a kill can lose) stays small, long enough to keep COPY batches large at full speed.
    private static readonly TimeSpan WriteLinger = TimeSpan.FromMilliseconds(500);

    private async Task DecodeAsync(ChannelReader<(IndexFile, CheckedItem)> input, ChannelWriter<(IndexFile, PreparedItem)> output, CancellationToken ct)
    {
        await foreach (var (file, item) in input.ReadAllAsync(ct))
        {
            var (prepared, rejected) = indexer.Preparer.Prepare(item, ct);
            if (rejected is not null)
            {
                Report(file, rejected);
                continue;
            }
            try
            {
                await output.WriteAsync((file, prepared!), ct);
            }
            catch
            {
                prepared!.Tensor.Dispose();
                throw;
            }
        }
    }

    private async Task EmbedAsync(ChannelReader<(IndexFile, PreparedItem)> input, ChannelWriter<(IndexFile, EmbeddedItem)> output, CancellationToken ct)
    {
        var batchSize = indexer.Options.EmbedBatchSize;
        while (await ChannelBatches.ReadAsync(input, batchSize, TimeSpan.Zero, ct) is { Count: > 0 } batch)
        {
            var files = batch.ToDictionary(b => b.Item2.Item.Index, b => b.Item1);
            var embedded = TeacherStage.Embed(indexer.Teacher, batch.Select(b => b.Item2).ToList(), batchSize);
            foreach (var item in embedded)
            {
                await output.WriteAsync((files[item.Item.Index], item), ct);
            }
        }
    }

    private async Task WriteAsync(ChannelReader<(IndexFile, EmbeddedItem)> input, CancellationToken ct)
    {
        while (await ChannelBatches.ReadAsync(input, indexer.Options.WriteBatchSize, WriteLinger, ct) is { Count: > 0 } batch)
        {
            var started = Stopwatch.GetTimestamp();
            var files = batch.ToDictionary(b => b.Item2.Item.Id, b => b.Item1, StringComparer.Ordinal);
            var results = await BatchWriter.WriteAsync(indexer.Store, indexer.TeacherId, batch.Select(b => b.Item2).ToList(), ct);
            IndexingLog.BatchCommitted(indexer.Logger, batch.Count, indexer.TeacherId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var result in results)
            {
                Report(files[result.Id], result);
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

using System.Diagnostics;
using System.Threading.Channels;
using RetrievalService.Indexing.Stages;

namespace RetrievalService.Indexing.Pipeline;

/// <summary>
/// One run of the <see cref="IndexingPipeline"/>: read + check + hash + skip unchanged (one task), decode + resize
/// (<see cref="IndexingOptions.EffectiveDecodeParallelism"/> tasks), embed (one task) and write (one task), joined by
/// bounded channels; each stage hands the next the item itself, so results need no matching up. An item stored already
/// without a thumbnail is decoded for its thumbnail and handed from the decoders straight to the writer.
/// </summary>
internal sealed partial class IndexingRun(IndexingPipeline pipeline, PipelineSettings settings, IIndexingObserver observer)
{
    private readonly Lock reportGate = new();
    private readonly ByteBudget readAhead = new(settings.ReadAheadBytes);
    private readonly long started = Stopwatch.GetTimestamp();
    private int stored;
    private int unchanged;
    private int rejected;
    private int thumbnailsAdded;

    public async Task RunAsync(IEnumerable<IndexItem> items, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ct = failed.Token;
        var options = pipeline.Options;
        var workers = options.EffectiveDecodeParallelism;
        var toDecode = Bounded<CheckedItem>(workers * 2);
        var toEmbed = Bounded<PreparedItem>(options.EmbedBatchSize * 2);
        var toWrite = Bounded<EmbeddedItem>(options.WriteBatchSize * 2);
        var decoders = Enumerable.Range(0, workers)
            .Select(_ => Stage(failed, null, () => DecodeAsync(toDecode.Reader, toEmbed.Writer, toWrite.Writer, ct)))
            .ToArray();
        Task[] stages =
        [
            Stage(failed, e => toDecode.Writer.TryComplete(e), () => ReadAsync(items, toDecode.Writer, ct)),
            CompleteAfter(decoders, toEmbed.Writer),
            Stage(failed, e => toWrite.Writer.TryComplete(e), () => EmbedAsync(toEmbed.Reader, toWrite.Writer, ct)),
            Stage(failed, null, () => WriteAsync(toWrite.Reader, ct)),
        ];
        await ThrowFirstFailureAsync([.. stages, .. decoders], cancellationToken);
        IndexingLog.Indexed(pipeline.Logger, stored + unchanged + rejected, stored, unchanged, rejected, thumbnailsAdded,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void Report(int position, IndexItem item, IndexItemResult result)
    {
        lock (reportGate)
        {
            thumbnailsAdded += result.ThumbnailAdded ? 1 : 0;
            switch (result.Status)
            {
                case IndexItemStatus.Stored:
                    stored++;
                    break;
                case IndexItemStatus.Unchanged:
                    unchanged++;
                    break;
                default:
                    rejected++;
                    IndexingLog.Rejected(pipeline.Logger, result.Id, item.Source, result.Code, result.Reason);
                    break;
            }
            observer.OnResult(position, item, result);
        }
    }

    private void Report(CheckedItem item, IndexItemResult result) => Report(item.Position, item.Origin, result);

    private static Channel<T> Bounded<T>(int capacity) =>
        Channel.CreateBounded<T>(new BoundedChannelOptions(Math.Max(1, capacity)) { SingleReader = false, SingleWriter = false });

    /// <summary>Runs a stage on the thread pool; then completes its output channel, and on failure cancels the others.</summary>
    private static Task Stage(CancellationTokenSource failed, Action<Exception?>? complete, Func<Task> body) => Task.Run(async () =>
    {
        try
        {
            await body();
            complete?.Invoke(null);
        }
        catch (Exception e)
        {
            complete?.Invoke(e);
            await failed.CancelAsync();
            throw;
        }
    });

    private static async Task CompleteAfter<T>(Task[] producers, ChannelWriter<T> output)
    {
        try
        {
            await Task.WhenAll(producers);
            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
        }
    }

    private static async Task ThrowFirstFailureAsync(Task[] stages, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(stages);
        }
        catch
        {
            // WhenAll surfaces an arbitrary one; the root cause is the failure that is not a cancellation.
            var root = stages.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException and not ChannelClosedException);
            cancellationToken.ThrowIfCancellationRequested();
            if (root is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(root);
            }
            throw;
        }
    }
}

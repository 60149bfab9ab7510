using System.Threading.Channels;
using RetrievalService.Indexing.Stages;

namespace RetrievalService.Indexing.Pipeline;

/// <summary>
/// Indexes files with overlapping stages joined by bounded channels: read + hash + skip-unchanged (one task),
/// decode + resize (<see cref="PipelineSettings.DecodeWorkers"/> tasks), embed with the teacher (one task) and
/// write by COPY (one task, one transaction per batch). Bounded channels keep memory flat on any input size.
/// </summary>
public sealed partial class IndexingPipeline
{
    private readonly GalleryIndexer indexer;
    private readonly PipelineSettings settings;
    private readonly IIndexingObserver observer;
    private readonly Lock reportGate = new();

    /// <summary>Creates a pipeline over <paramref name="indexer"/>'s teacher and store, reporting to <paramref name="observer"/>.</summary>
    public IndexingPipeline(GalleryIndexer indexer, PipelineSettings settings, IIndexingObserver observer)
    {
        ArgumentNullException.ThrowIfNull(indexer);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.DecodeWorkers);
        this.indexer = indexer;
        this.settings = settings;
        this.observer = observer;
    }

    /// <summary>
    /// Indexes <paramref name="files"/>, reporting every file exactly once unless the run fails or is cancelled.
    /// Duplicate ids after the first occurrence are rejected. Bad files never stop the run; a database failure does.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; committed batches stay, the batch in flight rolls back.</exception>
    /// <exception cref="Storage.Errors.GalleryStoreException">The store failed.</exception>
    public async Task RunAsync(IEnumerable<IndexFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        await indexer.EnsureModelAsync(cancellationToken);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ct = failed.Token;
        var options = indexer.Options;
        var toDecode = Bounded<(IndexFile, CheckedItem)>(settings.DecodeWorkers * 2);
        var toEmbed = Bounded<(IndexFile, PreparedItem)>(options.EmbedBatchSize * 2);
        var toWrite = Bounded<(IndexFile, EmbeddedItem)>(options.WriteBatchSize * 2);
        var decoders = Enumerable.Range(0, settings.DecodeWorkers)
            .Select(_ => Stage(failed, null, () => DecodeAsync(toDecode.Reader, toEmbed.Writer, ct)))
            .ToArray();
        Task[] stages =
        [
            Stage(failed, e => toDecode.Writer.TryComplete(e), () => ReadAsync(files, toDecode.Writer, ct)),
            CompleteAfter(decoders, toEmbed.Writer),
            Stage(failed, e => toWrite.Writer.TryComplete(e), () => EmbedAsync(toEmbed.Reader, toWrite.Writer, ct)),
            Stage(failed, null, () => WriteAsync(toWrite.Reader, ct)),
        ];
        await ThrowFirstFailureAsync([.. stages, .. decoders], cancellationToken);
    }

    private void Report(IndexFile file, IndexItemResult result)
    {
        lock (reportGate)
        {
            if (result.Status == IndexItemStatus.Rejected)
            {
                IndexingLog.Rejected(indexer.Logger, result.Id, file.Source, result.Code, result.Reason);
            }
            observer.OnResult(file, result);
        }
    }

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

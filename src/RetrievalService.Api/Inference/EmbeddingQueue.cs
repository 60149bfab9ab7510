using System.Threading.Channels;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Telemetry;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Api.Inference;

/// <summary>
/// A bounded micro-batching queue in front of one model: queries that arrive while a call runs are embedded together
/// in the next call (up to <see cref="BatchingOptions.MaxBatchSize"/>), by a fixed number of workers. A full queue
/// refuses at once with <see cref="InferenceSaturatedException"/>.
/// </summary>
public sealed class EmbeddingQueue : IAsyncDisposable
{
    private readonly Channel<EmbeddingJob> channel;
    private readonly BatchingOptions options;
    private readonly ApiTelemetry telemetry;
    private readonly ILogger logger;
    private readonly Task[] workers;

    /// <summary>Starts the workers.</summary>
    public EmbeddingQueue(OnnxEmbedder model, BatchingOptions options, ApiTelemetry telemetry, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        Model = model;
        this.options = options;
        this.telemetry = telemetry;
        this.logger = logger;
        channel = Channel.CreateBounded<EmbeddingJob>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
            SingleReader = options.WorkersPerModel == 1,
        });
        workers = Enumerable.Range(0, options.WorkersPerModel).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    /// <summary>The model this queue feeds.</summary>
    public OnnxEmbedder Model { get; }

    /// <summary>Embeds <paramref name="image"/>, taking ownership of it: the queue disposes it once it is no longer needed.</summary>
    /// <exception cref="InferenceSaturatedException">The queue is full.</exception>
    public Task<float[]> EmbedAsync(PreprocessedImage image, CancellationToken cancellationToken)
    {
        var job = new EmbeddingJob(image, cancellationToken);
        if (!channel.Writer.TryWrite(job))
        {
            job.Dispose();
            throw new InferenceSaturatedException(Model.Manifest.Id, options.QueueCapacity);
        }
        return job.Result;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        channel.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    private async Task RunAsync()
    {
        var batch = new List<EmbeddingJob>(options.MaxBatchSize);
        while (await channel.Reader.WaitToReadAsync())
        {
            await FillAsync(batch);
            if (batch.Count > 0)
            {
                Run(batch);
            }
            batch.Clear();
        }
    }

    private async Task FillAsync(List<EmbeddingJob> batch)
    {
        Take(batch);
        if (batch.Count == 0 || batch.Count >= options.MaxBatchSize || options.MaxDelayMs == 0)
        {
            return;
        }
        // A short wait lets queries that arrive together share a call; it is paid only when the model would otherwise be idle.
        using var window = new CancellationTokenSource(options.MaxDelayMs);
        try
        {
            while (batch.Count < options.MaxBatchSize && await channel.Reader.WaitToReadAsync(window.Token))
            {
                Take(batch);
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The window closed: run what we have.
        }
    }

    private void Take(List<EmbeddingJob> batch)
    {
        while (batch.Count < options.MaxBatchSize && channel.Reader.TryRead(out var job))
        {
            if (job.IsAbandoned)
            {
                job.Dispose();
            }
            else
            {
                batch.Add(job);
            }
        }
    }

    private void Run(List<EmbeddingJob> batch)
    {
        try
        {
            var vectors = Model.EmbedBatch(batch.Select(j => j.Image).ToArray());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(vectors[i]);
            }
        }
        catch (Exception e)
        {
            // Whatever the model throws belongs to the requests of this batch, not to the worker, which must survive.
            ApiLog.BatchFailed(logger, Model.Manifest.Id, batch.Count, e);
            foreach (var job in batch)
            {
                job.Fail(e);
            }
        }
        finally
        {
            batch.ForEach(job => job.Dispose());
        }
        telemetry.RecordBatch(Model.Manifest.Id, batch.Count);
    }
}

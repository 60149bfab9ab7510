using System.Threading.Channels;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Extraction;

/// <summary>
/// Streams images through decode → crop → resize → embed → drop. Decoding runs on
/// <see cref="PipelineOptions.DecodeWorkers"/> threads feeding a bounded channel, one consumer runs the model
/// (its ONNX Runtime session has its own intra-op threads), and only the vectors are kept.
/// </summary>
public sealed class EmbeddingPipeline(OnnxEmbedder model, ImagePipeline images, PipelineOptions options)
{

    /// <summary>Embeds every job in order; row i of the result belongs to <paramref name="jobs"/>[i].</summary>
    /// <exception cref="ImageEmbeddingException">An image failed; the message names it.</exception>
    public async Task<EmbeddingMatrix> EmbedAsync(IReadOnlyList<ImageJob> jobs, ExtractionSettings settings,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(settings);
        options.Validate();
        var dimension = model.Dimension;
        var output = new float[jobs.Count * dimension];
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<(int Index, PreparedImage Prepared)>(
            new BoundedChannelOptions(options.Capacity) { SingleReader = true });
        var next = -1;
        var producers = Enumerable.Range(0, options.DecodeWorkers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < jobs.Count; i = Interlocked.Increment(ref next))
            {
                var prepared = Prepare(jobs[i], settings);
                try
                {
                    await channel.Writer.WriteAsync((i, prepared), failure.Token);
                }
                catch
                {
                    prepared.Dispose();
                    throw;
                }
            }
        }, failure.Token)).ToArray();
        var producing = CompleteWhenDone(producers, channel.Writer, failure);
        try
        {
            var done = 0;
            await foreach (var (index, prepared) in channel.Reader.ReadAllAsync(failure.Token))
            {
                using var scope = prepared;
                var vector = Embed(jobs[index].Path, prepared.Tensors, settings);
                vector.CopyTo(output.AsSpan(index * dimension, dimension));
                progress?.Report(++done);
            }
        }
        catch
        {
            await failure.CancelAsync();
            throw;
        }
        finally
        {
            await producing;
            while (channel.Reader.TryRead(out var left))
            {
                left.Prepared.Dispose();
            }
        }
        return new EmbeddingMatrix(jobs.Count, dimension, output);
    }

    /// <summary>Completes the channel when every producer is done, passing on the first failure.</summary>
    private static async Task CompleteWhenDone(Task[] producers, ChannelWriter<(int, PreparedImage)> writer, CancellationTokenSource failure)
    {
        try
        {
            await Task.WhenAll(producers);
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e is OperationCanceledException ? null : producers.First(p => p.IsFaulted).Exception!.InnerException);
            await failure.CancelAsync();
        }
    }

    private PreparedImage Prepare(ImageJob job, ExtractionSettings settings)
    {
        try
        {
            return ScaledTensors.Prepare(images, job, settings, model.Manifest.Input);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ImageRejectedException or ArgumentException)
        {
            throw new ImageEmbeddingException(job.Path, e);
        }
    }

    private float[] Embed(string path, IReadOnlyList<PreprocessedImage> tensors, ExtractionSettings settings)
    {
        try
        {
            var vectors = tensors.Select(model.Embed).ToArray();
            return vectors.Length == 1 ? vectors[0] : PowerMean.Combine(vectors, settings.PowerMeanP);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImageEmbeddingException(path, e);
        }
    }
}

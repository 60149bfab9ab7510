using System.Threading.Channels;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Evaluation.Search;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Evaluation.Extraction;

/// <summary>
/// Streams images through decode → crop → resize → embed → drop. Decoding runs on
/// <see cref="PipelineOptions.DecodeWorkers"/> threads feeding a bounded channel, one consumer runs the model
/// (its ONNX Runtime session has its own intra-op threads), and only the vectors are kept.
/// </summary>
public sealed class EmbeddingPipeline(OnnxEmbedder model, ImageDecoder decoder, PipelineOptions options)
{
    private readonly SixLabors.ImageSharp.PixelFormats.Rgb24 background = AlphaCompositor.Background(model.Manifest.Input.AlphaBackground);

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
        var channel = Channel.CreateBounded<(int Index, PreprocessedImage[] Tensors)>(
            new BoundedChannelOptions(options.Capacity) { SingleReader = true });
        var next = -1;
        var producers = Enumerable.Range(0, options.DecodeWorkers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < jobs.Count; i = Interlocked.Increment(ref next))
            {
                var tensors = Prepare(jobs[i], settings);
                try
                {
                    await channel.Writer.WriteAsync((i, tensors), failure.Token);
                }
                catch
                {
                    Array.ForEach(tensors, t => t.Dispose());
                    throw;
                }
            }
        }, failure.Token)).ToArray();
        var producing = CompleteWhenDone(producers, channel.Writer, failure);
        try
        {
            var done = 0;
            await foreach (var (index, tensors) in channel.Reader.ReadAllAsync(failure.Token))
            {
                using var scope = new TensorScope(tensors);
                var vector = Embed(jobs[index].Path, tensors, settings);
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
                Array.ForEach(left.Tensors, t => t.Dispose());
            }
        }
        return new EmbeddingMatrix(jobs.Count, dimension, output);
    }

    /// <summary>Completes the channel when every producer is done, passing on the first failure.</summary>
    private static async Task CompleteWhenDone(Task[] producers, ChannelWriter<(int, PreprocessedImage[])> writer, CancellationTokenSource failure)
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

    private PreprocessedImage[] Prepare(ImageJob job, ExtractionSettings settings)
    {
        try
        {
            var bytes = File.ReadAllBytes(job.Path);
            using var decoded = decoder.Decode(bytes, background);
            if (job.Box is { } box)
            {
                var rectangle = QueryCrop.Rectangle(box, decoded.Image.Width, decoded.Image.Height);
                decoded.Image.Mutate(x => x.Crop(rectangle));
            }
            return ScaledTensors.Prepare(decoded.Image, settings, model.Manifest.Input.MinSide);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ImageRejectedException or ArgumentException)
        {
            throw new ImageEmbeddingException(job.Path, e);
        }
    }

    private float[] Embed(string path, PreprocessedImage[] tensors, ExtractionSettings settings)
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

    private readonly struct TensorScope(PreprocessedImage[] tensors) : IDisposable
    {
        public void Dispose() => Array.ForEach(tensors, t => t.Dispose());
    }
}

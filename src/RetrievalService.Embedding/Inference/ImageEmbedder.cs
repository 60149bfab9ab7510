using System.Diagnostics;
using RetrievalService.Embedding.Images;

namespace RetrievalService.Embedding.Inference;

/// <summary>
/// Bytes in, vector out: the shared <see cref="ImagePipeline"/> prepares the image for the model, the model embeds it.
/// Thread-safe; holds no state beyond its (shared) pipeline and embedder, which it does not own.
/// </summary>
public sealed class ImageEmbedder
{
    private readonly ImagePipeline pipeline;

    /// <summary>Pairs the pipeline with a model.</summary>
    public ImageEmbedder(ImagePipeline pipeline, OnnxEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(embedder);
        this.pipeline = pipeline;
        Model = embedder;
    }

    /// <summary>The model this facade embeds with.</summary>
    public OnnxEmbedder Model { get; }

    /// <summary>Embeds one encoded image.</summary>
    /// <exception cref="ImageRejectedException">The bytes break a decode limit, are unsupported, or are corrupt.</exception>
    public ImageEmbedding Embed(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        using var prepared = pipeline.Prepare(bytes, Model.Manifest.Input, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var vector = Model.Embed(prepared.Tensor);
        var timings = new EmbeddingTimings(prepared.DecodeMs, prepared.ResizeMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new ImageEmbedding(vector, prepared.Format, prepared.Tensor.Width, prepared.Tensor.Height, timings);
    }
}

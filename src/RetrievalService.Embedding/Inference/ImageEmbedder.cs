using System.Diagnostics;
using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Inference;

/// <summary>
/// Bytes in, vector out: decode under limits, preprocess for the model's input convention, embed.
/// Thread-safe; holds no state beyond its (shared) decoder and embedder, which it does not own.
/// </summary>
public sealed class ImageEmbedder
{
    private readonly ImageDecoder decoder;
    private readonly Rgb24 background;

    /// <summary>Pairs a decoder with a model; the model's manifest supplies the alpha background.</summary>
    public ImageEmbedder(ImageDecoder decoder, OnnxEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(embedder);
        this.decoder = decoder;
        Model = embedder;
        background = AlphaCompositor.Background(embedder.Manifest.Input.AlphaBackground);
    }

    /// <summary>The model this facade embeds with.</summary>
    public OnnxEmbedder Model { get; }

    /// <summary>Embeds one encoded image.</summary>
    /// <exception cref="ImageRejectedException">The bytes break a decode limit, are unsupported, or are corrupt.</exception>
    public ImageEmbedding Embed(ReadOnlyMemory<byte> bytes)
    {
        var started = Stopwatch.GetTimestamp();
        using var decoded = decoder.Decode(bytes, background);
        var decodedAt = Stopwatch.GetTimestamp();
        using var tensor = ImagePreprocessor.Preprocess(decoded.Image, Model.Manifest.Input);
        var preprocessedAt = Stopwatch.GetTimestamp();
        var vector = Model.Embed(tensor);
        var timings = new EmbeddingTimings(
            Stopwatch.GetElapsedTime(started, decodedAt).TotalMilliseconds,
            Stopwatch.GetElapsedTime(decodedAt, preprocessedAt).TotalMilliseconds,
            Stopwatch.GetElapsedTime(preprocessedAt).TotalMilliseconds);
        return new ImageEmbedding(vector, decoded.Format, tensor.Width, tensor.Height, timings);
    }
}

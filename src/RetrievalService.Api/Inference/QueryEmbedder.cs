using System.Diagnostics;
using RetrievalService.Api.Telemetry;
using RetrievalService.Embedding.Images;

namespace RetrievalService.Api.Inference;

/// <summary>Bytes in, vector out for queries: decode and resize on the request's thread, embed through the model's batching queue.</summary>
public sealed class QueryEmbedder(ImageDecoder decoder, ApiTelemetry telemetry)
{
    /// <summary>Embeds one untrusted query image with the model behind <paramref name="queue"/>.</summary>
    /// <exception cref="ImageRejectedException">The bytes break a decode limit, are unsupported, or are corrupt.</exception>
    /// <exception cref="InferenceSaturatedException">The model's queue is full.</exception>
    public async Task<QueryEmbedding> EmbedAsync(ReadOnlyMemory<byte> bytes, EmbeddingQueue queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var manifest = queue.Model.Manifest;
        var started = Stopwatch.GetTimestamp();
        PreprocessedImage tensor;
        using (ApiTelemetry.Source.StartActivity("decode"))
        using (var decoded = decoder.Decode(bytes, AlphaCompositor.Background(manifest.Input.AlphaBackground)))
        {
            tensor = ImagePreprocessor.Preprocess(decoded.Image, manifest.Input);
        }
        var decodedAt = Stopwatch.GetTimestamp();
        float[] vector;
        using (ApiTelemetry.Source.StartActivity("embed")?.SetTag("model", manifest.Id))
        {
            vector = await queue.EmbedAsync(tensor, cancellationToken);
        }
        var embed = Stopwatch.GetElapsedTime(decodedAt);
        telemetry.RecordEmbed(manifest.Id, embed);
        return new QueryEmbedding(vector, manifest.Id, Stopwatch.GetElapsedTime(started, decodedAt).TotalMilliseconds, embed.TotalMilliseconds);
    }
}

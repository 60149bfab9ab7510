using System.Diagnostics;
using RetrievalService.Api.Telemetry;
using RetrievalService.Embedding.Images;

namespace RetrievalService.Api.Inference;

/// <summary>Bytes in, vector out for queries: the shared image pipeline on the request's thread, the model through its batching queue.</summary>
public sealed class QueryEmbedder(ImagePipeline pipeline, ApiTelemetry telemetry)
{
    /// <summary>Embeds one untrusted query image with the model behind <paramref name="queue"/>.</summary>
    /// <exception cref="ImageRejectedException">The bytes break a decode limit, are unsupported, or are corrupt.</exception>
    /// <exception cref="InferenceSaturatedException">The model's queue is full.</exception>
    /// <exception cref="OperationCanceledException">The client went away (the decode stops between row bands).</exception>
    public async Task<QueryEmbedding> EmbedAsync(ReadOnlyMemory<byte> bytes, EmbeddingQueue queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var manifest = queue.Model.Manifest;
        var started = Stopwatch.GetTimestamp();
        PreprocessedImage tensor;
        using (ApiTelemetry.Source.StartActivity("decode"))
        using (var prepared = pipeline.Prepare(bytes, manifest.Input, cancellationToken))
        {
            tensor = prepared.DetachTensor();
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

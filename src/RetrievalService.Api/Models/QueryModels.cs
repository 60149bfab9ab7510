using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Inference;
using RetrievalService.Api.Telemetry;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Api.Models;

/// <summary>
/// The served query models, each loaded once with its own batching queue, found by id for <c>/search?model=</c>. An id
/// that is not served is a client mistake: 410 when it was retired (naming its replacement), 400 otherwise (naming the
/// served ones).
/// </summary>
public sealed class QueryModels : IAsyncDisposable
{
    private readonly ModelCatalog catalog;
    private readonly Dictionary<string, EmbeddingQueue> queues;

    /// <summary>Loads and verifies every served query model.</summary>
    public QueryModels(ModelCatalog catalog, IOptions<InferenceOptions> inference, IOptions<BatchingOptions> batching, ApiTelemetry telemetry, ILoggerFactory loggers)
    {
        this.catalog = catalog;
        queues = catalog.Students.ToDictionary(
            s => s.Id,
            s => new EmbeddingQueue(
                OnnxEmbedder.Load(catalog.ManifestPath(s.Id), inference.Value, loggers.CreateLogger<OnnxEmbedder>()),
                batching.Value, telemetry, loggers.CreateLogger<EmbeddingQueue>()),
            StringComparer.Ordinal);
    }

    /// <summary>The served models, the default first.</summary>
    public IEnumerable<OnnxEmbedder> Models => catalog.Students.Select(s => queues[s.Id].Model);

    /// <summary>The queue of the query model <paramref name="id"/>, or of the default one when <paramref name="id"/> is null.</summary>
    /// <exception cref="ApiProblemException">410 <c>model-retired</c> or 400 <c>unknown-model</c>.</exception>
    public EmbeddingQueue Queue(string? id)
    {
        if (id is null)
        {
            return queues[catalog.Student.Id];
        }
        if (queues.TryGetValue(id, out var queue))
        {
            return queue;
        }
        if (catalog.Retired.TryGetValue(id, out var replacement))
        {
            throw new ApiProblemException(StatusCodes.Status410Gone, ProblemCodes.ModelRetired, "The query model is retired.",
                $"The query model '{id}' is no longer served; use '{replacement}' (GET /models lists the served ones with their manifests).");
        }
        throw ApiProblemException.BadRequest(ProblemCodes.UnknownModel, $"No query model '{id}' is served here; the served ones are {catalog.ServedStudents}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in queues.Values)
        {
            await queue.DisposeAsync();
            queue.Model.Dispose();
        }
    }
}

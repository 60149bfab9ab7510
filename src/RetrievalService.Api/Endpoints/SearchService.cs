using System.Diagnostics;
using RetrievalService.Api.Inference;
using RetrievalService.Api.Models;
using RetrievalService.Api.Telemetry;
using RetrievalService.Storage;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary>One search: embed the query with the mode's model, then k-NN over the teacher's gallery.</summary>
public sealed class SearchService(
    QueryEmbedder embedder,
    [FromKeyedServices(ModelCatalog.StudentKey)] EmbeddingQueue student,
    [FromKeyedServices(ModelCatalog.TeacherKey)] EmbeddingQueue teacher,
    GalleryStore store,
    ModelCatalog catalog,
    ApiTelemetry telemetry,
    ILogger<SearchService> logger)
{
    /// <summary>Embeds <paramref name="image"/> and returns its nearest gallery images.</summary>
    public async Task<SearchResponse> SearchAsync(ReadOnlyMemory<byte> image, SearchParameters parameters, long startedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var queue = parameters.Mode == SearchMode.Asymmetric ? student : teacher;
        var query = await embedder.EmbedAsync(image, queue, ct);
        var searchStarted = Stopwatch.GetTimestamp();
        IReadOnlyList<SearchHit> hits;
        using (ApiTelemetry.Source.StartActivity("search")?.SetTag("k", parameters.K))
        {
            hits = await store.SearchAsync(new SearchRequest(catalog.Teacher.Id, query.Vector, parameters.K) { Filter = parameters.Filter }, ct);
        }
        var searchTime = Stopwatch.GetElapsedTime(searchStarted);
        telemetry.RecordSearch(catalog.Teacher.Id, searchTime);
        var timings = new SearchTimings(Round(query.DecodeMs), Round(query.EmbedMs), Round(searchTime.TotalMilliseconds),
            Round(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds));
        ApiLog.Searched(logger, parameters.Mode.ToString(), query.ModelId, parameters.K, hits.Count, timings.DecodeMs, timings.EmbedMs, timings.SearchMs);
        return new SearchResponse(parameters.Mode, new SearchModels(query.ModelId, catalog.Teacher.Id), parameters.K,
            hits.Select(h => new SearchResult(h.Id, h.Score, h.Source, h.Metadata)).ToList(), timings);
    }

    private static double Round(double ms) => Math.Round(ms, 3);
}

using System.Diagnostics;
using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Inference;
using RetrievalService.Api.Models;
using RetrievalService.Api.Telemetry;
using RetrievalService.Embedding.Retrieval;
using RetrievalService.Storage;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// One search: embed the query with the mode's model, then k-NN over the live teacher's gallery; with query expansion,
/// a first k-NN for the query's nearest teacher vectors, folded into it (αQE), then the k-NN that answers. The live
/// gallery is taken once, at the start, so a switch during the request never mixes two teachers' spaces.
/// </summary>
public sealed class SearchService(
    QueryEmbedder embedder,
    Galleries galleries,
    GalleryStore store,
    IOptions<SearchOptions> options,
    ApiTelemetry telemetry,
    ILogger<SearchService> logger)
{
    /// <summary>Embeds <paramref name="image"/> and returns its nearest gallery images.</summary>
    public async Task<SearchResponse> SearchAsync(ReadOnlyMemory<byte> image, SearchParameters parameters, long startedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var (gallery, queue) = parameters.Mode == SearchMode.Asymmetric ? galleries.QueryModel(parameters.Model) : Symmetric(galleries.Live);
        return await SearchAsync(gallery, await embedder.EmbedAsync(image, queue, ct), parameters, startedAt, ct);
    }

    /// <summary>
    /// The nearest gallery images to a vector the client computed with a served query model (the default one when the
    /// request names none), after checking and normalising it.
    /// </summary>
    /// <exception cref="Errors.ApiProblemException">The model is not served (400; 409 or 410 when fitted to another teacher; 410 when retired), the request is symmetric, or the vector is unusable.</exception>
    public async Task<SearchResponse> SearchByVectorAsync(float[] vector, SearchParameters parameters, long startedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Mode != SearchMode.Asymmetric)
        {
            throw Errors.ApiProblemException.BadRequest(Errors.ProblemCodes.InvalidEmbedding,
                "A query vector comes from a query model, so its search is asymmetric; send mode 'asymmetric' or none.");
        }
        // The default query model changes when the next teacher's gallery goes live, and a vector cannot say which space it
        // is in (both teachers may have one dimension): while two teachers are served, a vector must name its model.
        if (parameters.Model is null && galleries.Next is not null)
        {
            throw Errors.ApiProblemException.BadRequest(Errors.ProblemCodes.InvalidEmbedding,
                "A teacher upgrade is under way, so a query vector must name the query model that made it ('model'; GET /models lists them).");
        }
        var (gallery, queue) = galleries.QueryModel(parameters.Model);
        var model = queue.Model.Manifest;
        var unit = QueryVector.Normalize(vector, gallery.Teacher.Output.Dimension, model.Id);
        return await SearchAsync(gallery, new QueryEmbedding(unit, model.Id, 0, 0), parameters, startedAt, ct);
    }

    private static (TeacherGallery, EmbeddingQueue) Symmetric(TeacherGallery gallery) => (gallery, gallery.TeacherQueue);

    private async Task<SearchResponse> SearchAsync(TeacherGallery gallery, QueryEmbedding query, SearchParameters parameters, long startedAt, CancellationToken ct)
    {
        var teacher = gallery.Teacher.Id;
        var searchStarted = Stopwatch.GetTimestamp();
        IReadOnlyList<SearchHit> hits;
        SearchExpansion? expansion = null;
        using (ApiTelemetry.Source.StartActivity("search")?.SetTag("k", parameters.K).SetTag("expand", parameters.Expand))
        {
            var vector = query.Vector;
            if (parameters.Expand > 0)
            {
                (vector, expansion) = await ExpandAsync(teacher, query.Vector, parameters, ct);
            }
            hits = await store.SearchAsync(new SearchRequest(teacher, vector, parameters.K) { Filter = parameters.Filter, After = parameters.After }, ct);
        }
        var searchTime = Stopwatch.GetElapsedTime(searchStarted);
        telemetry.RecordSearch(teacher, searchTime);
        var timings = new SearchTimings(Round(query.DecodeMs), Round(query.EmbedMs), Round(searchTime.TotalMilliseconds),
            Round(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds));
        ApiLog.Searched(logger, parameters.Mode.ToString(), query.ModelId, parameters.K, parameters.Expand, hits.Count, timings.DecodeMs, timings.EmbedMs, timings.SearchMs);
        return new SearchResponse(parameters.Mode, new SearchModels(query.ModelId, teacher), parameters.K,
            hits.Select(h => new SearchResult(h.Id, h.Score, h.Source, h.Metadata)).ToList(), timings, expansion);
    }

    // The neighbours come from the same gallery and filter as the answer, so a filtered search expands within the
    // images it may return.
    private async Task<(float[] Vector, SearchExpansion Expansion)> ExpandAsync(string teacher, float[] query, SearchParameters parameters, CancellationToken ct)
    {
        var alpha = options.Value.QueryExpansionAlpha;
        var request = new SearchRequest(teacher, query, parameters.Expand) { Filter = parameters.Filter, IncludeEmbeddings = true, After = parameters.After };
        var neighbours = await store.SearchAsync(request, ct);
        var expanded = new float[query.Length];
        AlphaQueryExpansion.Expand(query, [.. neighbours.Select(n => (n.Score, (ReadOnlyMemory<float>)n.Embedding!))], alpha, expanded);
        return (expanded, new SearchExpansion(parameters.Expand, neighbours.Count, alpha));
    }

    private static double Round(double ms) => Math.Round(ms, 3);
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary>Which model embeds the query. The gallery is always the teacher's.</summary>
public enum SearchMode
{
    /// <summary>The light student embeds the query into the teacher's space (the default, cheap at query time).</summary>
    Asymmetric,

    /// <summary>The teacher embeds the query too (the accuracy reference, costlier).</summary>
    Symmetric,
}

/// <summary>The parsed query parameters of <c>POST /search</c>.</summary>
/// <param name="K">Results wanted.</param>
/// <param name="Mode">Which model embeds the query.</param>
/// <param name="Filter">Only gallery images whose metadata contains this object; null for all.</param>
public sealed record SearchParameters(
    [property: Range(1, SearchRequest.MaxK, ErrorMessage = "k must be between {1} and {2}.")] int K,
    SearchMode Mode,
    JsonObject? Filter)
{
    /// <summary>Results returned when k is not given.</summary>
    public const int DefaultK = 10;
}

/// <summary>The answer of <c>POST /search</c>.</summary>
/// <param name="Mode"><c>asymmetric</c> or <c>symmetric</c>.</param>
/// <param name="Models">The models that embedded the query and the gallery.</param>
/// <param name="K">Results asked for; fewer come back when fewer images match.</param>
/// <param name="Results">Nearest gallery images, best first.</param>
/// <param name="Timings">Server time per stage.</param>
public sealed record SearchResponse(
    SearchMode Mode,
    SearchModels Models,
    int K,
    IReadOnlyList<SearchResult> Results,
    SearchTimings Timings);

/// <summary>The model ids a search used.</summary>
/// <param name="Query">Model that embedded the query (the student in asymmetric mode).</param>
/// <param name="Gallery">Teacher that embedded the gallery.</param>
public sealed record SearchModels(string Query, string Gallery);

/// <summary>One gallery image near the query.</summary>
/// <param name="Id">Gallery id (see <c>GET /images/{id}</c>).</param>
/// <param name="Score">Cosine similarity in [-1, 1]; higher is closer.</param>
/// <param name="Source">Where the image came from, as indexed.</param>
/// <param name="Metadata">The image's metadata object.</param>
public sealed record SearchResult(string Id, double Score, string Source, JsonObject Metadata);

/// <summary>Server-side time of one search, in milliseconds.</summary>
/// <param name="DecodeMs">Decode, orientation and resize of the query image.</param>
/// <param name="EmbedMs">Batching queue plus model inference.</param>
/// <param name="SearchMs">k-NN query in PostgreSQL + pgvector.</param>
/// <param name="TotalMs">From the first byte read to the response being built.</param>
public sealed record SearchTimings(double DecodeMs, double EmbedMs, double SearchMs, double TotalMs);

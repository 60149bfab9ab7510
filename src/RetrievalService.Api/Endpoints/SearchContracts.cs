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
/// <param name="Expand">αQE neighbours folded into the query before the final search; 0 for a plain k-NN search.</param>
/// <param name="Model">The query model (asymmetric mode); null for the default one.</param>
public sealed record SearchParameters(
    [property: Range(SearchRequest.MinK, SearchRequest.MaxK, ErrorMessage = "k must be between {1} and {2}.")] int K,
    SearchMode Mode,
    JsonObject? Filter,
    int Expand = 0,
    string? Model = null)
{
    /// <summary>Results returned when k is not given.</summary>
    public const int DefaultK = 10;

    /// <summary>A write the answer must include (the <c>X-Gallery-Position</c> of its response); null for none.</summary>
    public GalleryPosition? After { get; init; }
}

/// <summary>The answer of <c>POST /search</c>.</summary>
/// <param name="Mode"><c>asymmetric</c> or <c>symmetric</c>.</param>
/// <param name="Models">The models that embedded the query and the gallery.</param>
/// <param name="K">Results asked for; fewer come back when fewer images match.</param>
/// <param name="Results">Nearest gallery images, best first.</param>
/// <param name="Timings">Server time per stage.</param>
/// <param name="Expansion">The query expansion applied, or null when the search was a plain k-NN search.</param>
public sealed record SearchResponse(
    SearchMode Mode,
    SearchModels Models,
    int K,
    IReadOnlyList<SearchResult> Results,
    SearchTimings Timings,
    SearchExpansion? Expansion = null);

/// <summary>
/// αQE as applied: the query's nearest gallery vectors (the teacher's), weighted by similarity^α, were folded into
/// it before the final search, so each result's score is its cosine to that expanded query.
/// </summary>
/// <param name="Neighbours">Neighbours asked for.</param>
/// <param name="Used">Neighbours found (fewer when the gallery or the filter holds fewer images).</param>
/// <param name="Alpha">The exponent on their similarities.</param>
public sealed record SearchExpansion(int Neighbours, int Used, double Alpha);

/// <summary>The model ids a search used.</summary>
/// <param name="Query">Model that embedded the query (the student in asymmetric mode).</param>
/// <param name="Gallery">Teacher that embedded the gallery.</param>
public sealed record SearchModels(string Query, string Gallery);

/// <summary>One gallery image near the query.</summary>
/// <param name="Id">Gallery id (see <c>GET /images/{id}</c>).</param>
/// <param name="Score">Cosine similarity in [-1, 1] to the query (to the expanded query when <see cref="SearchResponse.Expansion"/> is set); higher is closer.</param>
/// <param name="Source">Where the image came from, as indexed.</param>
/// <param name="Metadata">The image's metadata object.</param>
public sealed record SearchResult(string Id, double Score, string Source, JsonObject Metadata);

/// <summary>Server-side time of one search, in milliseconds.</summary>
/// <param name="DecodeMs">Decode, orientation and resize of the query image.</param>
/// <param name="EmbedMs">Batching queue plus model inference.</param>
/// <param name="SearchMs">k-NN queries in PostgreSQL + pgvector (both of them with query expansion).</param>
/// <param name="TotalMs">From the first byte read to the response being built.</param>
public sealed record SearchTimings(double DecodeMs, double EmbedMs, double SearchMs, double TotalMs);

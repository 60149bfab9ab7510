using System.Text.Json.Nodes;

namespace RetrievalService.Storage.Model;

/// <summary>One k-NN result, best first.</summary>
/// <param name="Id">The gallery id.</param>
/// <param name="Score">Cosine similarity to the query, in [-1, 1]; higher is closer.</param>
/// <param name="ContentSha256">SHA-256 of the image bytes.</param>
/// <param name="Source">Path or URI as indexed.</param>
/// <param name="Metadata">The stored metadata object.</param>
public sealed record SearchHit(string Id, double Score, string ContentSha256, string Source, JsonObject Metadata)
{
    /// <summary>The stored vector, when the request asked for it (<see cref="SearchRequest.IncludeEmbeddings"/>); else null.</summary>
    public float[]? Embedding { get; init; }
}

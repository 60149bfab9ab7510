using System.Text.Json.Nodes;

namespace RetrievalService.Api.Endpoints;

/// <summary>A gallery image as <c>GET /images/{id}</c> returns it (the embedding is not included).</summary>
/// <param name="Id">Gallery id.</param>
/// <param name="ModelId">Teacher that embedded it.</param>
/// <param name="ContentSha256">SHA-256 of the indexed file (lower-case hex): the idempotency key with the id.</param>
/// <param name="Source">Where it came from, as indexed.</param>
/// <param name="Metadata">Its metadata object.</param>
/// <param name="CreatedAt">When the id was first stored.</param>
/// <param name="UpdatedAt">When its content or metadata last changed.</param>
public sealed record ImageResponse(
    string Id, string ModelId, string ContentSha256, string Source, JsonObject Metadata, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

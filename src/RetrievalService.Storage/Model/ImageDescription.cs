using System.Text.Json.Nodes;

namespace RetrievalService.Storage.Model;

/// <summary>A stored row without its vector, as a listing returns it.</summary>
/// <param name="Id">The caller-given id.</param>
/// <param name="ModelId">The teacher model that embedded it.</param>
/// <param name="ContentSha256">SHA-256 of the image bytes (lower-case hex).</param>
/// <param name="Source">Path or URI as given at indexing.</param>
/// <param name="Metadata">The stored JSON object.</param>
/// <param name="HasThumbnail">Whether the row has a thumbnail.</param>
/// <param name="CreatedAt">When the id was first stored.</param>
/// <param name="UpdatedAt">When its content, source, metadata or embedding last changed.</param>
public sealed record ImageDescription(
    string Id,
    string ModelId,
    string ContentSha256,
    string Source,
    JsonObject Metadata,
    bool HasThumbnail,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

using System.Text.Json.Nodes;

namespace RetrievalService.Storage.Model;

/// <summary>A stored gallery row.</summary>
/// <param name="Id">The caller-given id.</param>
/// <param name="ModelId">The teacher model that embedded it.</param>
/// <param name="ContentSha256">SHA-256 of the image bytes (lower-case hex).</param>
/// <param name="Source">Path or URI as given at indexing.</param>
/// <param name="Metadata">The stored JSON object (<c>{}</c> when none was given).</param>
/// <param name="Embedding">The stored vector (half-precision models come back widened to float).</param>
/// <param name="CreatedAt">When the id was first stored.</param>
/// <param name="UpdatedAt">When its content, source, metadata or embedding last changed.</param>
public sealed record StoredImage(
    string Id,
    string ModelId,
    string ContentSha256,
    string Source,
    JsonObject Metadata,
    float[] Embedding,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Whether the row has a thumbnail (<see cref="GalleryStore.GetThumbnailAsync"/>).</summary>
    public bool HasThumbnail { get; init; }
}

using System.Text.Json.Nodes;

namespace RetrievalService.Storage.Model;

/// <summary>One gallery image as the indexer writes it, embedded by the model the upsert names.</summary>
/// <param name="Id">Caller-given id, used in URLs (<c>/images/{id}</c>); rules in <see cref="GalleryIds"/>.</param>
/// <param name="ContentSha256">SHA-256 of the image file's bytes, 64 lower-case hex digits.</param>
/// <param name="Source">Path or URI of the image, as given (1..4096 characters).</param>
/// <param name="Metadata">Free-form JSON object, searchable by containment; null stores <c>{}</c>.</param>
/// <param name="Embedding">The teacher's embedding (L2-normalised); its length must be the model's dimension.</param>
public sealed record GalleryItem(
    string Id,
    string ContentSha256,
    string Source,
    JsonObject? Metadata,
    ReadOnlyMemory<float> Embedding)
{
    /// <summary>
    /// A small JPEG of the image for pages that show the gallery; null for none. A null does not erase a stored thumbnail
    /// of the same content; new content without one leaves the row without.
    /// </summary>
    public byte[]? Thumbnail { get; init; }
}

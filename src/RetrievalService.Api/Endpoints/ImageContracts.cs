using System.Text.Json.Nodes;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary>A gallery image as <c>GET /images/{id}</c> returns it (the embedding is not included).</summary>
/// <param name="Id">Gallery id.</param>
/// <param name="ModelId">Teacher that embedded it.</param>
/// <param name="ContentSha256">SHA-256 of the indexed file (lower-case hex): the idempotency key with the id.</param>
/// <param name="Source">Where it came from, as indexed.</param>
/// <param name="Metadata">Its metadata object.</param>
/// <param name="CreatedAt">When the id was first stored.</param>
/// <param name="UpdatedAt">When its content or metadata last changed.</param>
/// <param name="Thumbnail">Path of its thumbnail (<c>/images/{id}/thumbnail</c>, the id percent-encoded); null when it has none.</param>
public sealed record ImageResponse(
    string Id, string ModelId, string ContentSha256, string Source, JsonObject Metadata, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string? Thumbnail)
{
    internal static ImageResponse From(StoredImage image) => new(image.Id, image.ModelId, image.ContentSha256, image.Source, image.Metadata,
        image.CreatedAt, image.UpdatedAt, ThumbnailPath(image.Id, image.HasThumbnail));

    internal static ImageResponse From(ImageDescription image) => new(image.Id, image.ModelId, image.ContentSha256, image.Source, image.Metadata,
        image.CreatedAt, image.UpdatedAt, ThumbnailPath(image.Id, image.HasThumbnail));

    private static string? ThumbnailPath(string id, bool has) => has ? $"/images/{Uri.EscapeDataString(id)}/thumbnail" : null;
}

/// <summary>One page of <c>GET /images</c>.</summary>
/// <param name="Items">The images, in byte order of their ids.</param>
/// <param name="Next">The id to pass as <c>after</c> for the next page (the last item's); null when there are no more.</param>
public sealed record ImagePage(IReadOnlyList<ImageResponse> Items, string? Next);

/// <summary>The body of <c>PATCH /images/{id}</c>.</summary>
/// <param name="Metadata">The image's new metadata object; it replaces the stored one whole.</param>
public sealed record MetadataPatch(JsonObject Metadata);

namespace RetrievalService.Storage.Model;

/// <summary>A stored row's thumbnail.</summary>
/// <param name="Id">The gallery id.</param>
/// <param name="ContentSha256">SHA-256 of the image the thumbnail shows.</param>
/// <param name="Jpeg">The JPEG bytes; null when the row has none (indexed before thumbnails, or its encoding failed).</param>
public sealed record StoredThumbnail(string Id, string ContentSha256, byte[]? Jpeg);

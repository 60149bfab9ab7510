namespace RetrievalService.Storage.Model;

/// <summary>What an indexer needs to know of a stored row before decoding its image again.</summary>
/// <param name="ContentSha256">SHA-256 of the stored image's bytes.</param>
/// <param name="HasThumbnail">Whether the row has a thumbnail.</param>
public sealed record StoredContent(string ContentSha256, bool HasThumbnail);

using RetrievalService.Embedding.Images;

namespace RetrievalService.Indexing.Stages;

/// <summary>A decoded, resized item ready for the teacher, with its thumbnail (null when it could not be encoded). Owns the pooled tensor until it is embedded.</summary>
internal sealed record PreparedItem(CheckedItem Item, PreprocessedImage Tensor, byte[]? Thumbnail);

/// <summary>
/// An item ready to be written: embedded, or (<see cref="Embedding"/> null) a <see cref="CheckedItem.ThumbnailOnly"/> item whose
/// row keeps its vector and gets <see cref="Thumbnail"/>.
/// </summary>
internal sealed record EmbeddedItem(CheckedItem Item, float[]? Embedding, byte[]? Thumbnail);

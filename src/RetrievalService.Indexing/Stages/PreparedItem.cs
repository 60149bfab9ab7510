using RetrievalService.Embedding.Images;

namespace RetrievalService.Indexing.Stages;

/// <summary>A decoded, resized item ready for the teacher. Owns the pooled tensor until it is embedded.</summary>
internal sealed record PreparedItem(CheckedItem Item, PreprocessedImage Tensor);

/// <summary>An embedded item ready to be written.</summary>
internal sealed record EmbeddedItem(CheckedItem Item, float[] Embedding);

using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Running;

/// <summary>Embeddings of one side of a dataset and where they came from.</summary>
/// <param name="Vectors">One row per image, in list order.</param>
/// <param name="FromCache">Whether they were read from the cache rather than computed.</param>
/// <param name="CacheFile">The cache file read or written; <c>null</c> when caching is off.</param>
public sealed record EmbeddingSet(EmbeddingMatrix Vectors, bool FromCache, string? CacheFile);

namespace RetrievalService.Storage.Model;

/// <summary>Size of one model's gallery.</summary>
/// <param name="Model">The model.</param>
/// <param name="Count">Stored rows.</param>
/// <param name="TableBytes">Heap, TOAST and all indexes.</param>
/// <param name="HnswIndexBytes">The HNSW index alone; 0 when it is dropped.</param>
/// <param name="HnswOptions">The index's storage options (e.g. <c>m=16, ef_construction=64</c>); null when dropped.</param>
/// <param name="LastUpdatedAt">Latest <c>updated_at</c>; null when empty.</param>
public sealed record ModelStats(
    GalleryModel Model,
    long Count,
    long TableBytes,
    long HnswIndexBytes,
    string? HnswOptions,
    DateTimeOffset? LastUpdatedAt);

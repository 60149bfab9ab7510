using System.Text.Json.Nodes;

namespace RetrievalService.Storage.Model;

/// <summary>A k-nearest-neighbour query against one model's gallery.</summary>
/// <param name="ModelId">The teacher model the gallery was embedded with; only its rows are searched.</param>
/// <param name="Query">Query vector in the teacher's space (e.g. a student embedding); cosine similarity ranks.</param>
/// <param name="K">Rows wanted, <see cref="MinK"/>..<see cref="MaxK"/>. Exactly min(K, matching rows) come back.</param>
public sealed record SearchRequest(string ModelId, ReadOnlyMemory<float> Query, int K)
{
    /// <summary>Least k a query may ask for.</summary>
    public const int MinK = 1;

    /// <summary>Largest k a query may ask for (pgvector's <c>hnsw.ef_search</c> limit).</summary>
    public const int MaxK = 1000;

    /// <summary>Only rows whose metadata contains this object (<c>metadata @&gt; filter</c>); null for all rows.</summary>
    public JsonObject? Filter { get; init; }

    /// <summary><c>hnsw.ef_search</c> for this query; null uses the options' value. Always raised to at least K.</summary>
    public int? EfSearch { get; init; }

    /// <summary>Exact scan instead of the HNSW index: slow, for evaluation and recall measurements.</summary>
    public bool Exact { get; init; }

    /// <summary>Also return each hit's stored vector (<see cref="SearchHit.Embedding"/>), e.g. for query expansion.</summary>
    public bool IncludeEmbeddings { get; init; }

    /// <summary>
    /// A write the answer must include: the search runs on a standby that has replayed this position, or on the primary
    /// when none has within <see cref="GalleryStoreOptions.ReplicaWaitMs"/>. Null: any read node, however far behind.
    /// </summary>
    public GalleryPosition? After { get; init; }
}

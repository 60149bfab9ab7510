namespace RetrievalService.Storage;

/// <summary>Values of pgvector's <c>hnsw.iterative_scan</c> (0.8+).</summary>
public enum HnswIterativeScan
{
    /// <summary>One scan of at most <c>ef_search</c> candidates; a selective filter can leave fewer than k rows.</summary>
    Off,

    /// <summary>Keep scanning until k rows pass the filter; results are re-sorted by the store.</summary>
    RelaxedOrder,

    /// <summary>Keep scanning, returning rows in exact distance order (slower than relaxed).</summary>
    StrictOrder,
}

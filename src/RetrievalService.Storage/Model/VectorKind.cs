namespace RetrievalService.Storage.Model;

/// <summary>pgvector column type of a model's embeddings.</summary>
public enum VectorKind
{
    /// <summary>Single precision <c>vector(D)</c>, indexable up to 2000 dimensions.</summary>
    Vector,

    /// <summary>Half precision <c>halfvec(D)</c>, indexable up to 4000 dimensions (half the storage).</summary>
    HalfVector,
}

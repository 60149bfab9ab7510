namespace RetrievalService.Storage.Errors;

/// <summary>A vector's length differs from the dimension the model was registered with.</summary>
public sealed class DimensionMismatchException : GalleryStoreException
{
    /// <summary>Creates the error for <paramref name="modelId"/>.</summary>
    public DimensionMismatchException(string modelId, int expected, int actual)
        : base($"Model '{modelId}' stores {expected}-d vectors, but a {actual}-d vector was given. " +
               "Vectors of one model always have its dimension; a different teacher needs its own model id.")
    {
        ModelId = modelId;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The model whose dimension was violated.</summary>
    public string ModelId { get; }

    /// <summary>The model's registered dimension.</summary>
    public int Expected { get; }

    /// <summary>The length that was given.</summary>
    public int Actual { get; }
}

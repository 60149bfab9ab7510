namespace RetrievalService.Storage.Model;

/// <summary>A registered teacher model and the table its vectors live in. Vectors of two models never mix.</summary>
/// <param name="ModelId">The teacher model id (e.g. <c>teacher-resnet18-gem</c>).</param>
/// <param name="Dimension">Length of every vector of this model; fixed at registration.</param>
/// <param name="Kind">Column type: <c>vector</c> up to 2000 dims, <c>halfvec</c> up to 4000.</param>
public sealed record GalleryModel(string ModelId, int Dimension, VectorKind Kind)
{
    /// <summary>Largest dimension pgvector can index as <c>vector</c>.</summary>
    public const int MaxVectorDimension = 2000;

    /// <summary>Largest dimension pgvector can index as <c>halfvec</c>.</summary>
    public const int MaxHalfVectorDimension = 4000;

    /// <summary>
    /// The image pipeline (preprocessing identity) the model's vectors were made with, or null when the gallery was
    /// indexed before it was recorded. Vectors made by another pipeline must not be mixed in or queried against.
    /// </summary>
    public string? Preprocessing { get; init; }

    /// <summary>Surrogate key naming the model's table; never shown to users.</summary>
    internal int Key { get; init; }

    /// <summary>The column type a model of <paramref name="dimension"/> dimensions is stored as.</summary>
    public static VectorKind KindFor(int dimension) => dimension switch
    {
        >= 1 and <= MaxVectorDimension => VectorKind.Vector,
        > MaxVectorDimension and <= MaxHalfVectorDimension => VectorKind.HalfVector,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension,
            $"pgvector indexes at most {MaxHalfVectorDimension} dimensions (halfvec); reduce the teacher's output dimension."),
    };
}

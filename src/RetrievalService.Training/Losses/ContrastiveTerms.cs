using static TorchSharp.torch;

namespace RetrievalService.Training.Losses;

/// <summary>
/// The contrastive sum per tuple, ½d(a,p)² + Σᵢ ½[m − d(a,nᵢ)]₊², shared by the symmetric and asymmetric
/// losses, which differ only in which network embedded the positives and negatives.
/// </summary>
internal static class ContrastiveTerms
{
    /// <summary>Per-tuple sums: [T].</summary>
    public static Tensor PerTuple(Tensor anchors, Tensor positives, Tensor negatives, double margin)
    {
        TupleShapes.RequireTuples(anchors, positives, negatives);
        var positive = EmbeddingDistances.SquaredRows(anchors, positives) * 0.5;
        var hinge = EmbeddingDistances.HalfSquaredHinge(EmbeddingDistances.SquaredToNegatives(anchors, negatives), margin);
        return positive + hinge.sum(-1);
    }
}

using static TorchSharp.torch;

namespace RetrievalService.Training.Losses;

/// <summary>
/// Asymmetric triplet: Σᵢ [d(f(a),g(p))² − d(f(a),g(nᵢ))² + m]₊ on squared distances, one triplet per
/// negative; mean over tuples. The margin defaults to the shared 0.7 (cirtorch's single --loss-margin).
/// </summary>
public static class AsymmetricTripletLoss
{
    /// <summary>Student anchors [T, D]; teacher positives [T, D] and negatives [T, N, D].</summary>
    public static Tensor Compute(
        Tensor studentAnchors, Tensor teacherPositives, Tensor teacherNegatives, double margin = LossDefaults.Margin)
    {
        TupleShapes.RequireTuples(studentAnchors, teacherPositives, teacherNegatives);
        var positive = EmbeddingDistances.SquaredRows(studentAnchors, teacherPositives.detach());
        var negatives = EmbeddingDistances.SquaredToNegatives(studentAnchors, teacherNegatives.detach());
        return (positive.unsqueeze(1) - negatives + margin).clamp_min(0).sum(-1).mean();
    }
}

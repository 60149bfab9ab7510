using static TorchSharp.torch;

namespace RetrievalService.Training.Losses;

/// <summary>
/// Symmetric contrastive, the teacher-free baseline: ½d(f(a),f(p))² + Σᵢ ½[m − d(f(a),f(nᵢ))]₊², every
/// image embedded by the student; mean over tuples.
/// </summary>
public static class SymmetricContrastiveLoss
{
    /// <summary>Anchors and positives [T, D], negatives [T, N, D], all student embeddings.</summary>
    public static Tensor Compute(Tensor anchors, Tensor positives, Tensor negatives, double margin = LossDefaults.Margin) =>
        ContrastiveTerms.PerTuple(anchors, positives, negatives, margin).mean();
}

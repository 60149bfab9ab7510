using static TorchSharp.torch;

namespace RetrievalService.Training.Losses;

/// <summary>
/// Asymmetric contrastive: ½d(f(a),g(p))² + Σᵢ ½[m − d(f(a),g(nᵢ))]₊², student anchors against teacher
/// positives and negatives, with the hinge on the negatives (which later re-implementations dropped).
/// Mean over tuples.
/// </summary>
public static class AsymmetricContrastiveLoss
{
    /// <summary>Student anchors [T, D]; teacher positives [T, D] and negatives [T, N, D] (treated as constants).</summary>
    public static Tensor Compute(
        Tensor studentAnchors, Tensor teacherPositives, Tensor teacherNegatives, double margin = LossDefaults.Margin) =>
        ContrastiveTerms.PerTuple(studentAnchors, teacherPositives.detach(), teacherNegatives.detach(), margin).mean();
}

namespace RetrievalService.Training.Losses;

/// <summary>
/// Shared conventions of the losses (docs/training.md#losses-losses-one-file-each). Reduction: each tuple's terms are
/// <b>summed</b> (one positive term plus one term per negative), then the batch loss is the <b>mean
/// over tuples</b>, so the scale does not depend on the batch size; per-image losses (regression) are
/// averaged over images, and RKD averages over pairs and triplets as in its paper.
/// Embeddings are rows (last axis = dimension); tuples are [T, D] anchors and positives, [T, N, D] negatives.
/// </summary>
public static class LossDefaults
{
    /// <summary>The margin m of the contrastive and triplet losses (cirtorch's and aml's default).</summary>
    public const double Margin = 0.7;

    /// <summary>
    /// Floor of the squared distance inside the hinge, d = √max(s, ε): exact for any real distance, and the
    /// gradient stays finite (zero) when a negative coincides with the anchor. Squared-distance terms use
    /// ‖·‖² directly and need none.
    /// </summary>
    public const double DistanceEpsilon = 1e-12;
}

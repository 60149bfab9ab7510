using static TorchSharp.torch;

namespace RetrievalService.Training.Losses;

/// <summary>Squared Euclidean distances between embedding rows, and the hinge on negatives.</summary>
internal static class EmbeddingDistances
{
    /// <summary>‖xₜ − yₜ‖² for matching rows: [T, D], [T, D] → [T].</summary>
    public static Tensor SquaredRows(Tensor x, Tensor y) => (x - y).square().sum(-1);

    /// <summary>‖aₜ − nₜᵢ‖² for each tuple's negatives: [T, D], [T, N, D] → [T, N].</summary>
    public static Tensor SquaredToNegatives(Tensor anchors, Tensor negatives) =>
        (anchors.unsqueeze(1) - negatives).square().sum(-1);

    /// <summary>½[m − d]₊² from squared distances s = d², elementwise.</summary>
    public static Tensor HalfSquaredHinge(Tensor squared, double margin) =>
        (margin - squared.clamp_min(LossDefaults.DistanceEpsilon).sqrt()).clamp_min(0).square() * 0.5;
}

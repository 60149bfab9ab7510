using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RetrievalService.Training.Losses;

/// <summary>
/// Relational knowledge distillation (Park et al., CVPR 2019), the relational baseline: match the
/// student's pairwise distances (each normalised by its batch mean) and triplet angles to the teacher's,
/// with smooth-L1 (Huber, β = 1) averaged over all pairs / triplets. Nothing ties absolute coordinates,
/// which is why the method expects it (docs/method.md#losses) to fail at asymmetric testing.
/// </summary>
public static class RkdLoss
{
    /// <summary>λ_D of the RKD paper.</summary>
    public const double DistanceWeight = 1.0;

    /// <summary>λ_A of the RKD paper.</summary>
    public const double AngleWeight = 2.0;

    /// <summary>λ_D·distance + λ_A·angle for student rows [B, D] and teacher rows [B, D′] of the same images.</summary>
    public static Tensor Compute(Tensor student, Tensor teacher, double distanceWeight = DistanceWeight, double angleWeight = AngleWeight) =>
        Distance(student, teacher) * distanceWeight + Angle(student, teacher) * angleWeight;

    /// <summary>Smooth-L1 between the mean-normalised distance matrices (diagonal included, as in RKD's code).</summary>
    public static Tensor Distance(Tensor student, Tensor teacher)
    {
        RequireBatch(student, teacher);
        var target = NormalisedDistances(teacher.detach());
        return functional.smooth_l1_loss(NormalisedDistances(student), target, Reduction.Mean, beta: 1.0);
    }

    /// <summary>Smooth-L1 between cos∠(xⱼ − xᵢ, xₖ − xᵢ) for every (i, j, k), student vs teacher.</summary>
    public static Tensor Angle(Tensor student, Tensor teacher)
    {
        RequireBatch(student, teacher);
        return functional.smooth_l1_loss(Cosines(student), Cosines(teacher.detach()), Reduction.Mean, beta: 1.0);
    }

    private static Tensor NormalisedDistances(Tensor rows)
    {
        var squaredNorms = rows.square().sum(-1);
        var squared = (squaredNorms.unsqueeze(1) + squaredNorms.unsqueeze(0) - rows.matmul(rows.t()) * 2).clamp_min(1e-12);
        // The diagonal is zero by definition; masking it (not sqrt of the clamp) keeps it out of the mean.
        using var offDiagonal = 1 - eye(rows.shape[0], dtype: rows.dtype, device: rows.device);
        var distances = squared.sqrt() * offDiagonal;
        var mean = distances.sum() / offDiagonal.sum().clamp_min(1);
        return distances / mean;
    }

    private static Tensor Cosines(Tensor rows)
    {
        var differences = rows.unsqueeze(0) - rows.unsqueeze(1);
        var unit = differences / linalg.vector_norm(differences, 2, [2], keepdim: true).clamp_min(1e-12);
        return unit.bmm(unit.transpose(1, 2)).reshape(-1);
    }

    private static void RequireBatch(Tensor student, Tensor teacher)
    {
        if (student.dim() != 2 || teacher.dim() != 2 || student.shape[0] != teacher.shape[0] || student.shape[0] < 2)
        {
            throw new ArgumentException(
                $"RKD needs [B, D] student and teacher rows of the same B ≥ 2; got [{string.Join(", ", student.shape)}] and [{string.Join(", ", teacher.shape)}].");
        }
    }
}

using static TorchSharp.torch;

namespace RetrievalService.Training.Losses;

/// <summary>
/// Distillation of the spatial feature map before pooling: 1 − cosine between the student's and the teacher's channel
/// vectors at each position, averaged over positions. It asks the student to reproduce what the teacher sees where,
/// not only the pooled summary, 49 targets per 224-px image instead of one. A student map of another size is
/// average-pooled to the teacher's (stride-2 padding rules differ by a row at odd sizes).
/// </summary>
public static class FeatureMapLoss
{
    /// <summary>The loss of one image's student map [1, C, h, w] against the teacher's [1, C, H, W].</summary>
    public static Tensor Compute(Tensor student, Tensor teacher)
    {
        if (student.dim() != 4 || teacher.dim() != 4 || student.shape[0] != teacher.shape[0] || student.shape[1] != teacher.shape[1])
        {
            throw new ArgumentException(
                $"Feature maps must be [B, C, H, W] with the same B and C; got [{string.Join(", ", student.shape)}] and [{string.Join(", ", teacher.shape)}].");
        }
        var target = teacher.detach();
        var aligned = student.shape[2] == target.shape[2] && student.shape[3] == target.shape[3]
            ? student
            : nn.functional.adaptive_avg_pool2d(student, [target.shape[2], target.shape[3]]);
        return (1 - nn.functional.cosine_similarity(aligned, target, dim: 1, eps: 1e-8)).mean();
    }
}

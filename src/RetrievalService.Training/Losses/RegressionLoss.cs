using static TorchSharp.torch;

namespace RetrievalService.Training.Losses;

/// <summary>Regression: ½‖f(x) − g(x)‖² per image, averaged over images. No labels needed.</summary>
public static class RegressionLoss
{
    /// <summary>The loss of student rows <paramref name="student"/> [B, D] against teacher rows [B, D].</summary>
    public static Tensor Compute(Tensor student, Tensor teacher)
    {
        if (student.dim() != 2)
        {
            throw new ArgumentException($"Student embeddings must be [B, D]; got [{string.Join(", ", student.shape)}].");
        }
        TupleShapes.RequireRows("Teacher embeddings", teacher, student);
        return (EmbeddingDistances.SquaredRows(student, teacher.detach()) * 0.5).mean();
    }
}

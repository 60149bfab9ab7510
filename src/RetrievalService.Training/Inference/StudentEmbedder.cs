using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Data;
using RetrievalService.Training.OnnxBridge;
using static TorchSharp.torch;

namespace RetrievalService.Training.Inference;

/// <summary>
/// Embeds images with the torch module as it is now, for mining (validation runs the exported student through
/// ONNX Runtime, <see cref="ExportedStudentEmbedder"/>): <c>eval()</c>, no gradients, one image per forward (aspect
/// ratios differ) and a dispose scope per image. The caller switches back to <c>train()</c> before the next
/// training step.
/// </summary>
public static class StudentEmbedder
{
    /// <summary>Row i is the student's vector of <paramref name="jobs"/>[i], unaugmented.</summary>
    public static EmbeddingMatrix Embed(OnnxModule student, TrainingImageLoader loader, IReadOnlyList<ImageJob> jobs, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(jobs);
        student.eval();
        using var noGrad = no_grad();
        float[]? values = null;
        var dimension = 0;
        for (var i = 0; i < jobs.Count; i++)
        {
            using var scope = NewDisposeScope();
            var row = student.forward(loader.Load(jobs[i])).reshape(-1).data<float>().ToArray();
            if (values is null)
            {
                dimension = row.Length;
                values = new float[jobs.Count * dimension];
            }
            row.CopyTo(values, i * dimension);
            progress?.Report(i + 1);
        }
        return values is null ? new EmbeddingMatrix(0, 1, []) : new EmbeddingMatrix(jobs.Count, dimension, values);
    }
}

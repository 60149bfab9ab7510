using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Data;
using RetrievalService.Training.OnnxBridge;
using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.Support;

/// <summary>
/// The reference the ONNX Runtime paths are checked against: the torch module's own forward, one unaugmented
/// image at a time, in <c>eval()</c> without gradients.
/// </summary>
internal static class TorchEmbeddings
{
    public static EmbeddingMatrix Embed(OnnxModule student, TrainingImageLoader loader, IReadOnlyList<ImageJob> jobs)
    {
        student.eval();
        using var noGrad = no_grad();
        var rows = new List<float[]>(jobs.Count);
        foreach (var job in jobs)
        {
            using var scope = NewDisposeScope();
            rows.Add(student.forward(loader.Load(job)).reshape(-1).data<float>().ToArray());
        }
        return EmbeddingMatrix.FromRows(rows, rows[0].Length);
    }

    /// <summary>Moves every weight by about 1 % of its layer's mean magnitude, as training would.</summary>
    public static void Perturb(OnnxModule student, ulong seed)
    {
        using var noGrad = no_grad();
        using var generator = new Generator(seed);
        foreach (var parameter in student.parameters())
        {
            using var scope = NewDisposeScope();
            parameter.add_(randn(parameter.shape, generator: generator) * 0.01 * parameter.abs().mean());
        }
    }
}

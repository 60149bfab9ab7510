using System.Security.Cryptography;
using Google.Protobuf;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Data;
using RetrievalService.Training.OnnxBridge;

namespace RetrievalService.Training.Inference;

/// <summary>
/// Embeds images with the student's current weights through ONNX Runtime, as the evaluator and the service run it:
/// the module is exported in memory and loaded against the starting student's manifest.
/// </summary>
/// <remarks>
/// Why not the torch module: one image at a time on one thread, ONNX Runtime runs this network several times faster
/// than libtorch's forward (docs/platform.md#observations-behind-code-comments), and validation embeds every
/// validation query each epoch (twice with <c>--ema</c>), which outweighs exporting the weights once. The two agree
/// to float precision (<see cref="Export.StudentExporter"/> checks the same path at the end of every run).
/// </remarks>
public static class ExportedStudentEmbedder
{
    /// <summary>An ONNX Runtime session of <paramref name="student"/>'s weights as they are now.</summary>
    /// <param name="student">The module; its weights now are the ones exported.</param>
    /// <param name="manifest">The starting student's manifest: input convention and output, which training does not change.</param>
    /// <param name="threads">ONNX Runtime intra-op threads.</param>
    public static OnnxEmbedder Load(OnnxModule student, ModelManifest manifest, int threads)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var bytes = OnnxExporter.Export(student).ToByteArray();
        var current = manifest with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
        return OnnxEmbedder.Load(current, bytes, $"{manifest.Id} (current weights)", new InferenceOptions { IntraOpThreads = threads, InterOpThreads = 1 });
    }

    /// <summary>Row i is <paramref name="embedder"/>'s vector of <paramref name="jobs"/>[i], unaugmented.</summary>
    /// <param name="embedder">From <see cref="Load"/>.</param>
    /// <param name="loader">Prepares images exactly as for the torch module.</param>
    /// <param name="jobs">The images.</param>
    /// <param name="progress">Reports images done.</param>
    public static EmbeddingMatrix Embed(OnnxEmbedder embedder, TrainingImageLoader loader, IReadOnlyList<ImageJob> jobs, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(jobs);
        var values = new float[jobs.Count * embedder.Dimension];
        for (var i = 0; i < jobs.Count; i++)
        {
            using var image = loader.Prepare(jobs[i]);
            embedder.Embed(image).CopyTo(values, i * embedder.Dimension);
            progress?.Report(i + 1);
        }
        return new EmbeddingMatrix(jobs.Count, embedder.Dimension, values);
    }
}

using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Data;
using RetrievalService.Training.Inference;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Runtime;
using RetrievalService.Training.Tests.Support;

namespace RetrievalService.Training.Tests.Inference;

public sealed class ExportedStudentEmbedderTests
{
    [Fact]
    public void Onnx_runtime_embeds_the_current_weights_as_the_torch_module_does()
    {
        TorchTestSetup.Ensure();
        TorchRuntime.Configure(threads: 1);
        using var folder = new TempFolder();
        TinyTrainingDataset.Write(folder.Path);
        var jobs = TrainingSplits.Open(folder.Path).Validation.QueryJobs;
        var loader = new TrainingImageLoader(64, 64, [255, 255, 255]);
        var manifest = ModelManifestJson.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.manifest.json"));
        using var student = OnnxModule.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.onnx"));
        var before = EmbedThroughOnnxRuntime(student, manifest, loader, jobs);

        // Move every weight as training would; the file on disk still holds the initial ones.
        TorchEmbeddings.Perturb(student, seed: 5);
        var exported = EmbedThroughOnnxRuntime(student, manifest, loader, jobs);
        var torch = TorchEmbeddings.Embed(student, loader, jobs);

        Assert.Equal((jobs.Count, 512), (exported.Count, exported.Dimension));
        var difference = exported.Values.Zip(torch.Values).Max(p => Math.Abs(p.First - p.Second));
        var moved = exported.Values.Zip(before.Values).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(difference <= 1e-4, $"ONNX Runtime vs torch: max |Δ| {difference:E2}");
        Assert.True(moved > 1e-3, $"the export did not carry the moved weights (max |Δ| to the initial vectors {moved:E2})");
    }

    private static EmbeddingMatrix EmbedThroughOnnxRuntime(OnnxModule student, ModelManifest manifest, TrainingImageLoader loader, IReadOnlyList<ImageJob> jobs)
    {
        using var embedder = ExportedStudentEmbedder.Load(student, manifest, threads: 1);
        return ExportedStudentEmbedder.Embed(embedder, loader, jobs);
    }
}

using Microsoft.Extensions.Logging;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Embedding.Tests.Inference;

// These run against the CPU-only ONNX Runtime package that the default build references.
public sealed class CudaFallbackTests
{
    [Fact]
    public void Requesting_cuda_on_the_cpu_build_logs_exactly_one_warning_and_runs_on_cpu()
    {
        using var model = new TinyModel();
        var logger = new CapturingLogger();

        using var embedder = OnnxEmbedder.Load(model.SaveManifest(), TestInference.Cpu with { ExecutionProvider = ExecutionProviderKind.Cuda }, logger);

        Assert.Equal(ExecutionProviderKind.Cpu, embedder.ExecutionProvider);
        var warning = Assert.Single(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("CUDA", warning.Message);
        using var image = PreprocessedImage.FromPlanes(8, 8, TestInference.SyntheticPlanes(1, 8, 8));
        Assert.Equal(TinyModel.Dimension, embedder.Embed(image).Length);
    }

    [Fact]
    public void Auto_falls_back_to_cpu_without_a_warning()
    {
        using var model = new TinyModel();
        var logger = new CapturingLogger();

        using var embedder = OnnxEmbedder.Load(model.SaveManifest(), TestInference.Cpu with { ExecutionProvider = ExecutionProviderKind.Auto }, logger);

        Assert.Equal(ExecutionProviderKind.Cpu, embedder.ExecutionProvider);
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public void Negative_thread_counts_are_refused_before_anything_loads()
    {
        using var model = new TinyModel();
        var error = Assert.Throws<ArgumentException>(() => OnnxEmbedder.Load(model.SaveManifest(), TestInference.Cpu with { IntraOpThreads = -1 }));
        Assert.Contains("IntraOpThreads=-1", error.Message);
    }
}

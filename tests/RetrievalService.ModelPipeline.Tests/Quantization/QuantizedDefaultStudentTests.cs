using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Teacher;

namespace RetrievalService.ModelPipeline.Tests.Quantization;

/// <summary>The committed int8 query models run on integer kernels, which is what makes them cheaper than the float ones.</summary>
public sealed class QuantizedDefaultStudentTests
{
    [Fact]
    public void Every_convolution_and_residual_add_of_the_int8_student_runs_as_an_integer_kernel()
    {
        var manifestPath = RepoPaths.RequireFile(ModelArtifactWriter.ManifestPath(RepoPaths.Models, StudentManifests.QuantizedDefaultId));
        var manifest = ModelManifestJson.Load(manifestPath);

        var ops = QdqQuantizerTests.OptimizedOps(OnnxFiles.Load(ModelManifestJson.OnnxPath(manifest, manifestPath)));

        // 52 backbone convolutions + the head's 1×1 conv; MobileNetV2's 10 residual connections.
        Assert.Equal(53, ops.Count(op => op == "QLinearConv"));
        Assert.Equal(10, ops.Count(op => op == "QLinearAdd"));
        Assert.DoesNotContain("Conv", ops);
        Assert.DoesNotContain("FusedConv", ops);
    }

    [Fact]
    public void Every_convolution_and_residual_add_of_the_int8_teacher_runs_as_an_integer_kernel()
    {
        var manifestPath = RepoPaths.RequireFile(ModelArtifactWriter.ManifestPath(RepoPaths.Models, TeacherManifest.QuantizedId));
        var manifest = ModelManifestJson.Load(manifestPath);

        var ops = QdqQuantizerTests.OptimizedOps(OnnxFiles.Load(ModelManifestJson.OnnxPath(manifest, manifestPath)));

        // The colour/mean 1×1 conv, the stem, 18 block convolutions and 3 projection shortcuts; 9 residual connections.
        Assert.Equal(23, ops.Count(op => op == "QLinearConv"));
        Assert.Equal(9, ops.Count(op => op == "QLinearAdd"));
        Assert.DoesNotContain("Conv", ops);
        Assert.DoesNotContain("FusedConv", ops);
    }
}

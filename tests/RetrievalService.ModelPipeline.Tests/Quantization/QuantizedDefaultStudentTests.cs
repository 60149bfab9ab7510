using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Teacher;

namespace RetrievalService.ModelPipeline.Tests.Quantization;

/// <summary>The committed int8 query models run on integer kernels, which is what makes them cheaper than the float ones.</summary>
public sealed class QuantizedDefaultStudentTests
{
    public static TheoryData<string, int, int> CommittedInt8Models() => new()
    {
        // MobileNetV2: 52 backbone convolutions + the head's 1×1 conv; 10 residual connections.
        { StudentManifests.QuantizedDefaultId, 53, 10 },
        // The teacher: the colour/mean 1×1 conv, the stem, 18 block convolutions and 3 projection shortcuts; 9 residual connections.
        { TeacherManifest.QuantizedId, 23, 9 },
    };

    [Theory]
    [MemberData(nameof(CommittedInt8Models))]
    public void Every_convolution_and_residual_add_runs_as_an_integer_kernel(string id, int convolutions, int residualAdds)
    {
        var manifestPath = RepoPaths.RequireFile(ModelArtifactWriter.ManifestPath(RepoPaths.Models, id));
        var manifest = ModelManifestJson.Load(manifestPath);

        var ops = QdqQuantizerTests.OptimizedOps(OnnxFiles.Load(ModelManifestJson.OnnxPath(manifest, manifestPath)));

        Assert.Equal(convolutions, ops.Count(op => op == "QLinearConv"));
        Assert.Equal(residualAdds, ops.Count(op => op == "QLinearAdd"));
        Assert.DoesNotContain("Conv", ops);
        Assert.DoesNotContain("FusedConv", ops);
    }
}

using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Teacher;

namespace RetrievalService.ModelPipeline.Tests.Models;

/// <summary>Every committed manifest against the ONNX file the set-up built from the registries.</summary>
public sealed class ManifestValidationTests
{
    public static TheoryData<string> ManifestIds() => [TeacherManifest.Id, StudentManifests.LinearId, StudentManifests.ConvHeadInitId];

    [Theory]
    [MemberData(nameof(ManifestIds))]
    public void Built_model_matches_its_manifest_hash_and_shapes(string id)
    {
        var manifestPath = RepoPaths.RequireFile(ModelArtifactWriter.ManifestPath(RepoPaths.Models, id));
        var manifest = ModelManifestJson.Load(manifestPath);
        var onnxPath = RepoPaths.RequireFile(ModelManifestJson.OnnxPath(manifest, manifestPath));

        Assert.Equal(id, manifest.Id);
        Assert.Equal(manifest.Sha256, FileHashes.Sha256(onnxPath));
        using var embedder = OnnxEmbedder.Load(manifestPath, new InferenceOptions { IntraOpThreads = 1, InterOpThreads = 1 });

        using var image = Embedding.Images.PreprocessedImage.FromPlanes(96, 64, SyntheticImages.Nchw(5, 64, 96));
        var vector = embedder.Embed(image);
        Assert.Equal(manifest.Output.Dimension, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 5);
    }

    [Fact]
    public void Compatible_student_names_the_current_teacher_by_id_and_hash()
    {
        var teacher = ModelManifestJson.Load(RepoPaths.RequireFile(ModelArtifactWriter.ManifestPath(RepoPaths.Models, TeacherManifest.Id)));
        var student = ModelManifestJson.Load(RepoPaths.RequireFile(ModelArtifactWriter.ManifestPath(RepoPaths.Models, StudentManifests.LinearId)));

        Assert.Equal(ModelRole.Teacher, teacher.Role);
        Assert.Equal(ModelRole.Student, student.Role);
        Assert.NotNull(student.CompatibleWith);
        Assert.Equal(teacher.Id, student.CompatibleWith.TeacherId);
        Assert.Equal(teacher.Sha256, student.CompatibleWith.TeacherSha256);
        Assert.Equal(teacher.Output.Dimension, student.Output.Dimension);
        Assert.NotNull(student.Provenance.Metrics);
        Assert.Contains("heldOutTop1", student.Provenance.Metrics.Keys);
    }

    [Fact]
    public void Untrained_initialisation_declares_no_compatibility()
    {
        var init = ModelManifestJson.Load(RepoPaths.RequireFile(ModelArtifactWriter.ManifestPath(RepoPaths.Models, StudentManifests.ConvHeadInitId)));

        Assert.Null(init.CompatibleWith);
    }
}

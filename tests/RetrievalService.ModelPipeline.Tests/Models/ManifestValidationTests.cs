using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Teacher;

namespace RetrievalService.ModelPipeline.Tests.Models;

/// <summary>Every committed manifest against its ONNX file: built by the set-up from the registries, or committed (the trained default).</summary>
public sealed class ManifestValidationTests
{
    public static TheoryData<string> ManifestIds() =>
        [TeacherManifest.Id, StudentManifests.LinearId, StudentManifests.ConvHeadInitId, StudentManifests.TrainedDefaultId, StudentManifests.QuantizedDefaultId,
            TeacherManifest.QuantizedId];

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
        var teacher = LoadManifest(TeacherManifest.Id);
        var student = LoadManifest(StudentManifests.LinearId);

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
    public void Trained_default_student_was_trained_against_the_teacher_the_set_up_rebuilds()
    {
        // The default student is committed, not rebuilt: should the teacher build ever change a byte, this is where
        // the stale pairing shows, before the service refuses to start with it.
        var teacher = LoadManifest(TeacherManifest.Id);
        var student = LoadManifest(StudentManifests.TrainedDefaultId);
        var init = LoadManifest(StudentManifests.ConvHeadInitId);

        Assert.Equal(teacher.Id, student.CompatibleWith!.TeacherId);
        Assert.Equal(teacher.Sha256, student.CompatibleWith.TeacherSha256);
        Assert.Contains(init.Sha256, student.Provenance.Source, StringComparison.Ordinal);
        Assert.True(student.Provenance.Metrics!["valAsymmetricMapMedium"] > 0.3, "the manifest records its validation mAP");
    }

    [Fact]
    public void Int8_default_is_a_quantized_copy_of_the_committed_float_student()
    {
        var student = LoadManifest(StudentManifests.TrainedDefaultId);
        var quantized = LoadManifest(StudentManifests.QuantizedDefaultId);

        // Re-training the float student without re-quantizing would leave the service on the old weights.
        Assert.StartsWith($"{student.Id} (sha256 {student.Sha256})", quantized.Provenance.Source, StringComparison.Ordinal);
        Assert.Equivalent(student.CompatibleWith, quantized.CompatibleWith, strict: true);
        Assert.Equivalent(student.Input, quantized.Input, strict: true);
        Assert.Equivalent(student.Output, quantized.Output, strict: true);
        Assert.True(quantized.Provenance.Metrics!["floatAgreementMeanCosine"] >= 0.99, "the manifest records its agreement with the float model");
    }

    [Fact]
    public void Int8_teacher_is_a_quantized_copy_of_the_teacher_the_set_up_rebuilds_and_may_query_its_gallery()
    {
        var teacher = LoadManifest(TeacherManifest.Id);
        var quantized = LoadManifest(TeacherManifest.QuantizedId);

        Assert.StartsWith($"{teacher.Id} (sha256 {teacher.Sha256})", quantized.Provenance.Source, StringComparison.Ordinal);
        Assert.Equal(ModelRole.Student, quantized.Role);
        Assert.Equal(teacher.Id, quantized.CompatibleWith!.TeacherId);
        Assert.Equal(teacher.Sha256, quantized.CompatibleWith.TeacherSha256);
        Assert.Equivalent(teacher.Input, quantized.Input, strict: true);
        Assert.True(quantized.Provenance.Metrics!["floatAgreementMeanCosine"] >= 0.99, "the manifest records its agreement with the float teacher");
    }

    [Fact]
    public void Untrained_initialisation_declares_no_compatibility()
    {
        var init = LoadManifest(StudentManifests.ConvHeadInitId);

        Assert.Null(init.CompatibleWith);
    }

    private static ModelManifest LoadManifest(string id) =>
        ModelManifestJson.Load(RepoPaths.RequireFile(ModelArtifactWriter.ManifestPath(RepoPaths.Models, id)));
}

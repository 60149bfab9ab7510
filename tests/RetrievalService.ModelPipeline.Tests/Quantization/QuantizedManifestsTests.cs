using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Quantization;

namespace RetrievalService.ModelPipeline.Tests.Quantization;

public sealed class QuantizedManifestsTests
{
    private static readonly QuantizationReport Report = new(32, 19, 22, 60, 128, 64, 0.9952, 0.9817);

    [Fact]
    public void An_int8_teacher_becomes_a_query_model_compatible_with_the_float_teacher()
    {
        var teacher = ModelManifestJson.Load(RepoPaths.RequireFile(Path.Combine(RepoPaths.Models, "teacher-resnet18-gem.manifest.json")));

        var quantized = QuantizedManifests.From(teacher, "teacher-resnet18-gem-int8", Report, "128 images", "quantize …");

        // The service accepts a query model only when it names the teacher's id and the hash of its file.
        Assert.Equal(ModelRole.Student, quantized.Role);
        Assert.Equal(teacher.Id, quantized.CompatibleWith!.TeacherId);
        Assert.Equal(teacher.Sha256, quantized.CompatibleWith.TeacherSha256);
        Assert.Equal("Calibration: 128 images", quantized.Provenance.Data);
        Assert.Equal(0.9952, quantized.Provenance.Metrics!["floatAgreementMeanCosine"]);
    }

    [Fact]
    public void An_int8_student_keeps_its_teacher()
    {
        var student = ModelManifestJson.Load(RepoPaths.RequireFile(Path.Combine(RepoPaths.Models, "student-mnv2-regression.manifest.json")));

        var quantized = QuantizedManifests.From(student, "copy-int8", Report, "128 images", "quantize …");

        Assert.Equal(ModelRole.Student, quantized.Role);
        Assert.Equal(student.CompatibleWith, quantized.CompatibleWith);
        Assert.StartsWith(student.Provenance.Data!, quantized.Provenance.Data);
    }
}

using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Embedding.Tests;

public sealed class ModelCompatibilityTests
{
    private const string TeacherSha256 = "5db289def45aaaedb4dc194e39cf8a5e86ac482098ca0da2c47dae057596e856";

    private static readonly ModelManifest Teacher = Manifest("teacher-resnet18-gem", ModelRole.Teacher, TeacherSha256, compatibleWith: null);

    private static readonly ModelManifest Student = Manifest("student-mnv2-regression", ModelRole.Student,
        "0c1d3b5f9a7e2c4d6f8a0b1c3d5e7f9a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e",
        new TeacherReference { TeacherId = Teacher.Id, TeacherSha256 = TeacherSha256 });

    [Fact]
    public void A_student_that_names_the_teachers_id_and_hash_is_compatible() =>
        Assert.Null(ModelCompatibility.Incompatibility(Teacher, Student));

    [Fact]
    public void The_hash_comparison_ignores_hex_case()
    {
        var upperCase = Student with { CompatibleWith = Student.CompatibleWith! with { TeacherSha256 = TeacherSha256.ToUpperInvariant() } };

        Assert.Null(ModelCompatibility.Incompatibility(Teacher, upperCase));
    }

    [Fact]
    public void A_student_without_compatible_with_is_refused()
    {
        var reason = ModelCompatibility.Incompatibility(Teacher, Student with { CompatibleWith = null });

        Assert.Equal("the student 'student-mnv2-regression' declares no compatibleWith teacher in its manifest", reason);
    }

    [Fact]
    public void A_student_of_another_teacher_id_is_refused()
    {
        var reason = ModelCompatibility.Incompatibility(Teacher with { Id = "teacher-other" }, Student);

        Assert.Equal("the student 'student-mnv2-regression' was fitted to teacher 'teacher-resnet18-gem', not to 'teacher-other'", reason);
    }

    [Fact]
    public void A_rebuilt_teacher_with_another_hash_is_refused_with_both_hashes()
    {
        var rebuilt = new string('0', 64);

        var reason = ModelCompatibility.Incompatibility(Teacher with { Sha256 = rebuilt }, Student);

        Assert.NotNull(reason);
        Assert.Contains($"with ONNX sha256 {TeacherSha256}", reason, StringComparison.Ordinal);
        Assert.Contains($"file has sha256 {rebuilt}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_student_of_another_dimension_is_refused()
    {
        var reason = ModelCompatibility.Incompatibility(Teacher, Student with { Output = new OutputSpec { Dimension = 256 } });

        Assert.Equal("the student 'student-mnv2-regression' outputs 256-d vectors; the teacher 'teacher-resnet18-gem' outputs 512-d", reason);
    }

    private static ModelManifest Manifest(string id, ModelRole role, string sha256, TeacherReference? compatibleWith) => new()
    {
        Id = id,
        Version = "1",
        Role = role,
        Architecture = "test",
        OnnxFile = id + ".onnx",
        Sha256 = sha256,
        Input = new InputConvention(),
        Output = new OutputSpec { Dimension = 512 },
        CompatibleWith = compatibleWith,
        Provenance = new Provenance { Source = "test" },
    };
}

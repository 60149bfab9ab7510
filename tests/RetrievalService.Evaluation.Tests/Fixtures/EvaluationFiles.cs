using RetrievalService.TestSupport;

namespace RetrievalService.Evaluation.Tests.Fixtures;

/// <summary>The repository's files these tests evaluate with: the teacher, the linear student and the fixtures beside this file.</summary>
internal static class EvaluationFiles
{
    public static string Teacher => Path.Combine(RepoPaths.Models, "teacher-resnet18-gem.manifest.json");

    public static string LinearStudent => Path.Combine(RepoPaths.Models, "student-mnv2-linear.manifest.json");

    public static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "RetrievalService.Evaluation.Tests", "Fixtures", name);
}

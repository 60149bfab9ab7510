namespace RetrievalService.Evaluation.Tests.Fixtures;

/// <summary>Paths inside the repository, found by walking up from the test binaries to RetrievalService.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Teacher => Path.Combine(Root, "models", "teacher-resnet18-gem.manifest.json");

    public static string LinearStudent => Path.Combine(Root, "models", "student-mnv2-linear.manifest.json");

    public static string Fixture(string name) => Path.Combine(Root, "tests", "RetrievalService.Evaluation.Tests", "Fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetrievalService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No RetrievalService.sln above {AppContext.BaseDirectory}.");
    }
}

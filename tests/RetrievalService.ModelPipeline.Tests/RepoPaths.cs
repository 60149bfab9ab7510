namespace RetrievalService.ModelPipeline.Tests;

/// <summary>Locates the repository and the artifacts that `scripts/setup.sh` produces.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "models");

    public static string Data => Path.Combine(Root, "data");

    /// <summary>A built artifact; a missing one fails the test with the command that makes it.</summary>
    public static string RequireFile(string path)
    {
        Assert.True(File.Exists(path), $"'{path}' is missing: run `scripts/setup.sh` (it fetches sources and builds the models).");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetrievalService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("RetrievalService.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace RetrievalService.Training.Tests.Support;

/// <summary>Locates the repository and the models that `scripts/setup.sh` builds.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>A model under models/; a missing one fails the test with the command that builds it.</summary>
    public static string RequireModel(string fileName)
    {
        var path = Path.Combine(Root, "models", fileName);
        Assert.True(File.Exists(path), $"'{path}' is missing: run `scripts/setup.sh` (it builds the models).");
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

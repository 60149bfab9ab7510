namespace RetrievalService.Deploy.Tests;

/// <summary>The repository root, found by walking up from the test binaries to RetrievalService.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "RetrievalService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No RetrievalService.sln above {AppContext.BaseDirectory}.");
    }
}

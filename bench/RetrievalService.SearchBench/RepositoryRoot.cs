namespace RetrievalService.SearchBench;

/// <summary>The checkout a bench runs in, for its photos, models and builds. Also compiled into IndexBench.</summary>
internal static class RepositoryRoot
{
    /// <summary>The nearest folder at or above the current directory that holds <c>RetrievalService.sln</c>.</summary>
    public static string Find()
    {
        var start = Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetrievalService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No RetrievalService.sln at or above {start}: run the bench inside the repository.");
    }
}

using RetrievalService.Storage;

namespace RetrievalService.Api.Configuration;

/// <summary>
/// Resolves the models folder: an absolute path as is; a relative one against the current directory, then the
/// application's folder, then the repository root above it (so tests and <c>dotnet run</c> find <c>models/</c>).
/// </summary>
public static class ModelPaths
{
    /// <summary>The first existing candidate, or the path under the current directory when none exists (so the error names it).</summary>
    public static string ResolveDirectory(string directory)
    {
        if (Path.IsPathRooted(directory))
        {
            return directory;
        }
        var candidates = new List<string>
        {
            Path.GetFullPath(directory),
            Path.Combine(AppContext.BaseDirectory, directory),
        };
        try
        {
            candidates.Add(Path.Combine(LocalDatabase.FindRepositoryRoot(AppContext.BaseDirectory), directory));
        }
        catch (InvalidOperationException)
        {
            // Deployed outside a checkout: only the first two candidates apply.
        }
        return candidates.FirstOrDefault(System.IO.Directory.Exists) ?? candidates[0];
    }
}

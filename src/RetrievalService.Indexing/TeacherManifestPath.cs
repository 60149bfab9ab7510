using RetrievalService.Storage;

namespace RetrievalService.Indexing;

/// <summary>Resolves <see cref="IndexingOptions.TeacherManifest"/> so tools run from any directory find <c>models/</c>.</summary>
public static class TeacherManifestPath
{
    /// <summary>
    /// <paramref name="path"/> when absolute or present relative to the current directory; else the same relative
    /// path under the repository root above the application, when it exists there; else the full path as given
    /// (loading then fails with a message naming it).
    /// </summary>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Path.IsPathRooted(path) || File.Exists(full))
        {
            return full;
        }
        try
        {
            var underRoot = Path.Combine(LocalDatabase.FindRepositoryRoot(AppContext.BaseDirectory), path);
            return File.Exists(underRoot) ? underRoot : full;
        }
        catch (InvalidOperationException)
        {
            // Deployed outside a checkout: there is no repository root, and the path as given is all we have.
            return full;
        }
    }
}

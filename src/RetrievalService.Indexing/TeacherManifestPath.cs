namespace RetrievalService.Indexing;

/// <summary>Resolves <see cref="IndexingOptions.TeacherManifest"/>, the one place the indexer looks for its teacher.</summary>
public static class TeacherManifestPath
{
    /// <summary>
    /// <paramref name="path"/> when absolute; a relative one against the current directory, then the application's
    /// folder; else the full path under the current directory (loading then fails with a message naming it).
    /// </summary>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Path.IsPathRooted(path))
        {
            return full;
        }
        string[] candidates = [full, Path.Combine(AppContext.BaseDirectory, path)];
        return candidates.FirstOrDefault(File.Exists) ?? full;
    }
}

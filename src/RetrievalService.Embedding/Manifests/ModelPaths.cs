namespace RetrievalService.Embedding.Manifests;

/// <summary>
/// Resolves the models folder: an absolute path as is; a relative one against the current directory, then the
/// application's folder. Nothing looks further: a host run from elsewhere names its folder in <c>Models:Directory</c>.
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
        string[] candidates = [Path.GetFullPath(directory), Path.Combine(AppContext.BaseDirectory, directory)];
        return candidates.FirstOrDefault(System.IO.Directory.Exists) ?? candidates[0];
    }
}

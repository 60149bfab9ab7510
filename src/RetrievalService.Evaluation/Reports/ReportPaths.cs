namespace RetrievalService.Evaluation.Reports;

/// <summary>How reports write file paths.</summary>
public static class ReportPaths
{
    /// <summary>
    /// <paramref name="path"/> relative to the working directory (the repository root) when it lies under it, else as
    /// given. Reports are committed: a path under the repository must not name one machine's folders.
    /// </summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}

using RetrievalService.DatasetTool.Output;

namespace RetrievalService.DatasetTool.Sources;

/// <summary>Which registry packages a set of image folders came from, by where the folders lie under the sources folder.</summary>
public static class SourceFolders
{
    /// <summary>
    /// The Debian packages (folders under <c>&lt;sources&gt;/debs/&lt;package&gt;/</c>) and npm packages (under
    /// <c>&lt;sources&gt;/&lt;stem&gt;/</c> as fetched) holding any of <paramref name="folders"/>; Debian first, each by name.
    /// </summary>
    public static IReadOnlyList<SourceRecord> Records(string sourcesDir, IReadOnlyCollection<string> folders)
    {
        var debsDir = Path.Combine(sourcesDir, "debs");
        return [.. DebianPackageVersions.Records(debsDir, TopLevelNames(debsDir, folders)), .. NpmPackageRecords.Of(sourcesDir, folders)];
    }

    /// <summary>For each folder inside <paramref name="root"/>, the name of the first folder below the root; distinct.</summary>
    public static IEnumerable<string> TopLevelNames(string root, IEnumerable<string> folders) =>
        folders
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(r => !r.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(r) && r != ".")
            .Select(r => r.Split('/')[0])
            .Distinct(StringComparer.Ordinal);
}

using System.Text.Json;
using RetrievalService.DatasetTool.Output;
using RetrievalService.DataSources.Npm;

namespace RetrievalService.DatasetTool.Sources;

/// <summary>
/// Which npm packages a set of image folders came from: <see cref="NpmPackageFetcher"/> extracts a package to
/// <c>&lt;sources&gt;/&lt;stem&gt;/package/</c> beside an integrity marker, so a folder under such a package folder is
/// recorded with the package's name and version (from its <c>package.json</c>) and the integrity it was checked against.
/// </summary>
public static class NpmPackageRecords
{
    /// <summary>A <see cref="SourceRecord"/> per npm package holding one of <paramref name="folders"/>, ordered by name.</summary>
    public static IReadOnlyList<SourceRecord> Of(string sourcesDir, IEnumerable<string> folders) =>
        [.. SourceFolders.TopLevelNames(sourcesDir, folders)
            .Select(name => Read(Path.Combine(sourcesDir, name)))
            .OfType<SourceRecord>()
            .OrderBy(s => s.Name, StringComparer.Ordinal)];

    private static SourceRecord? Read(string extracted)
    {
        var marker = Path.Combine(extracted, NpmPackageFetcher.IntegrityMarker);
        var packageJson = Path.Combine(extracted, "package", "package.json");
        if (!File.Exists(marker) || !File.Exists(packageJson))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
        var root = document.RootElement;
        // A verified tarball whose package.json names no package or version cannot be recorded; refuse rather than
        // write an unknown source into build.json.
        var name = root.TryGetProperty("name", out var n) ? n.GetString() : null;
        var version = root.TryGetProperty("version", out var v) ? v.GetString() : null;
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
        {
            throw new InvalidDataException($"{packageJson} names no package or version.");
        }
        return new SourceRecord("npm", name, version, File.ReadAllText(marker).Trim());
    }
}

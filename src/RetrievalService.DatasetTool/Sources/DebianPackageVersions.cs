using System.IO.Compression;
using RetrievalService.DatasetTool.Output;

namespace RetrievalService.DatasetTool.Sources;

/// <summary>Versions of the unpacked Debian packages, read from their changelogs (the unpacked tree keeps no control file).</summary>
public static class DebianPackageVersions
{
    /// <summary>A <see cref="SourceRecord"/> per package, ordered by name.</summary>
    public static IReadOnlyList<SourceRecord> Records(string debsDir, IEnumerable<string> packages) =>
        [.. packages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(p => new SourceRecord("debian", p, Version(debsDir, p)))];

    /// <summary>The binary package's version: a binNMU changelog (<c>changelog.Debian.&lt;arch&gt;.gz</c>) wins over the source changelog.</summary>
    public static string Version(string debsDir, string package)
    {
        var docDir = Path.Combine(debsDir, package, "usr", "share", "doc", package);
        var changelog = Directory.Exists(docDir)
            ? Directory.EnumerateFiles(docDir, "changelog.Debian.*.gz").Order(StringComparer.Ordinal).FirstOrDefault()
              ?? Path.Combine(docDir, "changelog.Debian.gz")
            : null;
        if (changelog is null || !File.Exists(changelog))
        {
            return "unknown";
        }
        using var reader = new StreamReader(new GZipStream(File.OpenRead(changelog), CompressionMode.Decompress));
        // First line: "name (version) distribution; urgency=…".
        var first = reader.ReadLine() ?? "";
        var (open, close) = (first.IndexOf('(', StringComparison.Ordinal), first.IndexOf(')', StringComparison.Ordinal));
        return open >= 0 && close > open ? first[(open + 1)..close] : "unknown";
    }
}

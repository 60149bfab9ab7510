using System.Text.Json;
using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Sources;

/// <summary>
/// A manifest of images to index: <c>.csv</c> with a header naming <c>id</c>, <c>path</c> and optionally
/// <c>metadata</c> (a JSON object in the cell), or <c>.jsonl</c>/<c>.ndjson</c> with one
/// <c>{"id": …, "path": …, "metadata": {…}, "source": …}</c> object per line. Relative paths resolve against the
/// manifest's folder. The source clients see is the line's <c>source</c> (a URI the operator declares, e.g.
/// <c>https://shop.example/p/123.jpg</c>), else the path as written. A bad line is a <see cref="SourceProblem"/>, not an error.
/// </summary>
internal static partial class ManifestSource
{
    /// <exception cref="FileNotFoundException">The manifest does not exist.</exception>
    /// <exception cref="UnusablePathException">The path is empty text, or the manifest cannot be read.</exception>
    /// <exception cref="ManifestFormatException">The manifest as a whole is unusable.</exception>
    public static SourceList Read(string manifestPath)
    {
        if (manifestPath.Length == 0)
        {
            throw new UnusablePathException("--manifest is an empty string; give the manifest's path.");
        }
        var full = Path.GetFullPath(manifestPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The manifest '{manifestPath}' does not exist.", full);
        }
        var folder = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        try
        {
            using var reader = new StreamReader(full);
            return Path.GetExtension(full).ToLowerInvariant() switch
            {
                ".csv" => ReadCsv(reader, folder, name),
                ".jsonl" or ".ndjson" => ReadJsonLines(reader, folder, name),
                var other => throw new ManifestFormatException(manifestPath, $"the extension '{other}' is neither .csv nor .jsonl (.ndjson)."),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnusablePathException($"The manifest '{manifestPath}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Why <paramref name="path"/> can name no file, or null when it can.</summary>
    private static string? PathProblem(string? path) => path switch
    {
        null or "" => "the path is empty.",
        _ when path.Contains('\0', StringComparison.Ordinal) => "the path contains U+0000 (NUL), which no file name can hold.",
        _ => null,
    };

    private static IndexItem Entry(string folder, string id, string path, JsonElement? metadata, string? source = null) =>
        new(id, IndexContent.FromFile(Path.GetFullPath(Path.Combine(folder, path))), string.IsNullOrEmpty(source) ? path : source, metadata);

    private static SourceProblem Problem(string name, int line, string? id, string reason) =>
        new(string.IsNullOrEmpty(id) ? $"line {line}" : id, $"{name}:{line}", reason);
}

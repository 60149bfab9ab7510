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
    public static SourceList Read(string manifestPath)
    {
        var full = Path.GetFullPath(manifestPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The manifest '{manifestPath}' does not exist.", full);
        }
        var folder = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        using var reader = new StreamReader(full);
        return Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(reader, folder, name),
            ".jsonl" or ".ndjson" => ReadJsonLines(reader, folder, name),
            var other => throw new ManifestFormatException(manifestPath, $"the extension '{other}' is neither .csv nor .jsonl (.ndjson)."),
        };
    }

    private static IndexItem Entry(string folder, string id, string path, JsonElement? metadata, string? source = null) =>
        new(id, IndexContent.FromFile(Path.GetFullPath(Path.Combine(folder, path))), string.IsNullOrEmpty(source) ? path : source, metadata);

    private static SourceProblem Problem(string name, int line, string? id, string reason) =>
        new(string.IsNullOrEmpty(id) ? $"line {line}" : id, $"{name}:{line}", reason);
}

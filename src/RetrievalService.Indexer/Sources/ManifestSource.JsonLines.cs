using System.Text.Json;
using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Sources;

internal static partial class ManifestSource
{
    private static SourceList ReadJsonLines(TextReader reader, string folder, string name)
    {
        var files = new List<IndexItem>();
        var problems = new List<SourceProblem>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                var path = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                if (id is null || string.IsNullOrEmpty(path))
                {
                    problems.Add(Problem(name, number, id, "the line must be an object with string members \"id\" and \"path\"."));
                    continue;
                }
                if (PathProblem(path) is { } badPath)
                {
                    problems.Add(Problem(name, number, id, badPath));
                    continue;
                }
                JsonElement? metadata = root.TryGetProperty("metadata", out var m) ? m.Clone() : null;
                var source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                files.Add(Entry(folder, id, path, metadata, source));
            }
            catch (JsonException e)
            {
                problems.Add(Problem(name, number, null, $"the line is not valid JSON: {e.Message}"));
            }
        }
        return new SourceList(files, problems);
    }
}

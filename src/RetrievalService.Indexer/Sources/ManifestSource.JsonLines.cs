using System.Text.Json;
using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Sources;

internal static partial class ManifestSource
{
    private static readonly string[] JsonMembers = ["id", "path", "metadata", "source"];

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
                if (LineProblem(root, id, path) is { } bad)
                {
                    problems.Add(Problem(name, number, id, bad));
                    continue;
                }
                JsonElement? metadata = root.TryGetProperty("metadata", out var m) ? m.Clone() : null;
                var source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                files.Add(Entry(folder, id!, path!, metadata, source));
            }
            catch (JsonException e)
            {
                problems.Add(Problem(name, number, null, $"the line is not valid JSON: {e.Message}"));
            }
        }
        return new SourceList(files, problems);
    }

    private static string? LineProblem(JsonElement line, string? id, string? path) =>
        id is null || string.IsNullOrEmpty(path)
            ? "the line must be an object with string members \"id\" and \"path\"."
            : MemberProblem(line) ?? PathProblem(path);

    /// <summary>
    /// Why the members of a line's object cannot be taken as written, or null: a member given twice (JSON allows it, but
    /// which value is meant cannot be told), or a <c>source</c> that is not text, which would silently fall back to the path.
    /// </summary>
    private static string? MemberProblem(JsonElement line)
    {
        var repeated = line.EnumerateObject().Select(p => p.Name).Where(JsonMembers.Contains)
            .GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            return $"the member \"{repeated.Key}\" is given more than once.";
        }
        return line.TryGetProperty("source", out var source) && source.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
            ? $"the member \"source\" must be a string, not {source.ValueKind.ToString().ToLowerInvariant()}."
            : null;
    }
}

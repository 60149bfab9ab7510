using System.Text.Json;
using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Sources;

internal static partial class ManifestSource
{
    private static readonly string[] CsvColumns = ["id", "path", "metadata"];

    private static SourceList ReadCsv(TextReader reader, string folder, string name)
    {
        using var records = CsvParser.Read(reader, name).GetEnumerator();
        if (!records.MoveNext())
        {
            return new SourceList([], []);
        }
        var header = records.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.FirstOrDefault(h => !CsvColumns.Contains(h)) is { } unknown || !header.Contains("id") || !header.Contains("path"))
        {
            throw new ManifestFormatException(name, $"the header must name the columns id and path, and optionally metadata; it is '{string.Join(',', header)}'.");
        }
        if (header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ManifestFormatException(name, $"the header names the column {repeated.Key} more than once; name each column once.");
        }
        int id = header.IndexOf("id"), path = header.IndexOf("path"), metadata = header.IndexOf("metadata");
        var files = new List<IndexItem>();
        var problems = new List<SourceProblem>();
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            var rowId = id < fields.Count ? fields[id] : null;
            if (fields.Count != header.Count)
            {
                problems.Add(Problem(name, line, rowId, $"the line has {fields.Count} fields; the header has {header.Count}."));
            }
            else if (PathProblem(fields[path]) is { } badPath)
            {
                problems.Add(Problem(name, line, rowId, badPath));
            }
            else if (ParseMetadata(metadata < 0 ? "" : fields[metadata], out var json) is { } bad)
            {
                problems.Add(Problem(name, line, rowId, bad));
            }
            else
            {
                files.Add(Entry(folder, fields[id], fields[path], json));
            }
        }
        return new SourceList(files, problems);
    }

    private static string? ParseMetadata(string cell, out JsonElement? metadata)
    {
        metadata = null;
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(cell);
            metadata = document.RootElement.Clone();
            return null;
        }
        catch (JsonException e)
        {
            return $"the metadata is not valid JSON: {e.Message}";
        }
    }
}

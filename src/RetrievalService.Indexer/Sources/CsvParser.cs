using System.Text;

namespace RetrievalService.Indexer.Sources;

/// <summary>RFC 4180 records: comma-separated, fields optionally in double quotes ("" escapes), quoted line breaks kept.</summary>
internal static class CsvParser
{
    /// <summary>Each record with the 1-based line it starts on; blank lines are skipped.</summary>
    /// <exception cref="ManifestFormatException">A quoted field is still open at the end of the file.</exception>
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader, string name)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var quoteLine = 0;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                else if (c == '"') { quoted = false; }
                else { line += c == '\n' ? 1 : 0; field.Append((char)c); }
            }
            else if (c == '"' && field.Length == 0) { quoted = true; quoteLine = line; }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0) { yield return (start, fields); }
                fields = [];
                any = false;
                start = ++line;
            }
            else { field.Append((char)c); }
        }
        if (quoted)
        {
            // Every line after the opening quote was read into the field: rather than drop them as one bad record, refuse
            // the file and say where the quote is.
            throw new ManifestFormatException(name,
                $"the quoted field that starts on line {quoteLine} is never closed, so every line after it would be part of it; close it (a quote inside a quoted field is written \"\").");
        }
        if (any)
        {
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Length > 0) { yield return (start, fields); }
        }
    }
}

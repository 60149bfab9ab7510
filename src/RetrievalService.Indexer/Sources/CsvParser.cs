using System.Text;

namespace RetrievalService.Indexer.Sources;

/// <summary>RFC 4180 records: comma-separated, fields optionally in double quotes ("" escapes), quoted line breaks kept.</summary>
internal static class CsvParser
{
    /// <summary>Each record with the 1-based line it starts on; blank lines are skipped.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
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
            else if (c == '"' && field.Length == 0) { quoted = true; }
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
        if (any)
        {
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Length > 0) { yield return (start, fields); }
        }
    }
}

using System.Text;

namespace RetrievalService.Bench;

/// <summary>A GitHub-flavoured Markdown table: <paramref name="textColumns"/> left-aligned columns, then right-aligned numbers.</summary>
internal sealed class MarkdownTable(int textColumns, params string[] headers)
{
    private readonly List<string[]> rows = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }
        rows.Add(cells);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", headers) + " |");
        text.AppendLine("|" + string.Join("|", headers.Select((_, i) => i < textColumns ? "---" : "---:")) + "|");
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }
        return text.ToString();
    }
}

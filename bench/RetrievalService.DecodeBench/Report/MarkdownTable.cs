using System.Text;

namespace RetrievalService.DecodeBench.Report;

/// <summary>A GitHub-flavoured Markdown table; numeric columns are right-aligned.</summary>
internal sealed class MarkdownTable(params (string Header, bool Numeric)[] columns)
{
    private readonly List<string[]> rows = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"A row needs {columns.Length} cells, got {cells.Length}.", nameof(cells));
        }
        rows.Add(cells);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", columns.Select(c => c.Header)) + " |");
        text.AppendLine("|" + string.Join("|", columns.Select(c => c.Numeric ? "---:" : "---")) + "|");
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }
        return text.ToString();
    }
}

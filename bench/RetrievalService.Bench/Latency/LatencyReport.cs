using System.Globalization;
using System.Text;

namespace RetrievalService.Bench.Latency;

/// <summary>Everything one <c>latency</c> run measured, with the machine state needed to judge it.</summary>
internal sealed record LatencyReport(
    DateTimeOffset Started, MachineInfo Machine, double[]? LoadAtStart, double[]? LoadAtEnd, LatencyBudget Budget,
    IReadOnlyList<LatencyCell> Cells)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Started {Started:yyyy-MM-dd HH:mm} UTC on {Machine}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Load average (1/5/15 min) at start {MachineInfo.FormatLoad(LoadAtStart)}, at end {MachineInfo.FormatLoad(LoadAtEnd)}. "
            + $"{Budget.WarmupBatches} warm-up batches, then ≥ {Budget.MinBatches} batches and ≥ {Budget.MinSeconds} s per cell.");
        text.AppendLine();
        var table = new MarkdownTable(1, "Model", "Input", "Batch", "Threads", "Median ms/img", "p90 ms/img", "img/s", "Batches", "Load1");
        foreach (var c in Cells)
        {
            table.Add(c.Model, $"{c.Side}²", $"{c.Batch}", $"{c.Threads}", $"{c.MedianMsPerImage:F2}", $"{c.P90MsPerImage:F2}",
                $"{c.ImagesPerSecond:F1}", $"{c.TimedBatches}", c.Load1AtEnd is { } load ? $"{load:F2}" : "n/a");
        }
        text.Append(table);
        return text.ToString();
    }
}

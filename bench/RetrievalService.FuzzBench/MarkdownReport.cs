using System.Globalization;
using System.Text;
using RetrievalService.Fuzzing.Running;

namespace RetrievalService.FuzzBench;

/// <summary>The run's summary as Markdown: what ran where, outcomes, costs, findings, slowest inputs, how to replay.</summary>
internal static class MarkdownReport
{
    private const int MaxFindingRows = 100;

    public static string Write(FuzzSummary summary, BenchSettings settings, MachineInfo machine, string command, TimeSpan wall, int seeds)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"# Image pipeline decode fuzzing");
        Line($"");
        Line($"- Command: `{command}`");
        Line($"- Machine: {machine}; load average at the end {MachineInfo.LoadAverage()} (1 / 5 / 15 min)");
        Line($"- Engine seed {settings.Seed}, mutants #{settings.Start}…; {seeds} seeds (the first {seeds} mutants are the unmutated seeds)");
        Line($"- Wall time {wall.TotalSeconds:F0} s; {summary.Inputs:N0} inputs ({summary.Inputs / Math.Max(1, wall.TotalSeconds):F0}/s, one worker thread)");
        Line($"- Findings: inputs that crashed, hung, threw anything but `ImageRejectedException`, took over {settings.Thresholds.Milliseconds:F0} ms, allocated over {settings.Thresholds.AllocatedBytes >> 20} MiB managed, or raised the resident set by over {settings.Thresholds.RssGrowthBytes >> 20} MiB");
        Line($"");
        Line($"## Summary");
        Line($"");
        Line($"| measure | value |");
        Line($"|---|---:|");
        Line($"| inputs run | {summary.Inputs:N0} |");
        Line($"| crashes, hangs and non-rejection exceptions | **{summary.Failures}** |");
        Line($"| findings (any threshold) | {summary.Findings.Count} |");
        Line($"| time per input: median / p99 / max | {summary.MedianMilliseconds:F2} / {summary.P99Milliseconds:F1} / {summary.MaxMilliseconds:F0} ms |");
        Line($"| max managed allocation per input | {Mib(summary.MaxAllocatedBytes)} |");
        Line($"| max resident-set growth per input | {Mib(summary.MaxRssGrowthBytes)} |");
        Line($"| worker peak resident set | {Mib(summary.PeakRssBytes)} |");
        Line($"");
        Line($"## Outcomes");
        Line($"");
        Line($"| outcome | inputs | share |");
        Line($"|---|---:|---:|");
        foreach (var (outcome, count) in summary.Outcomes)
        {
            Line($"| {outcome} | {count:N0} | {100.0 * count / Math.Max(1, summary.Inputs):F1}% |");
        }
        Line($"");
        Line($"## Findings");
        Line($"");
        if (summary.Findings.Count == 0)
        {
            Line($"None.");
        }
        else
        {
            Line($"| # | why | outcome | bytes | label |");
            Line($"|---:|---|---|---:|---|");
            foreach (var (result, why) in summary.Findings.Take(MaxFindingRows))
            {
                Line($"| {result.Index} | {why} | {result.Outcome} {result.Detail} | {result.Bytes:N0} | {Cell(result.Label)} |");
            }
            if (summary.Findings.Count > MaxFindingRows)
            {
                Line($"");
                Line($"… and {summary.Findings.Count - MaxFindingRows} more (see the --tsv file).");
            }
        }
        Line($"");
        Line($"## Slowest inputs");
        Line($"");
        Line($"| # | ms | managed | resident growth | outcome | bytes | label |");
        Line($"|---:|---:|---:|---:|---|---:|---|");
        foreach (var r in summary.Slowest)
        {
            Line($"| {r.Index} | {r.Milliseconds:F1} | {Mib(r.AllocatedBytes)} | {Mib(r.RssGrowthBytes)} | {r.Outcome} {r.Detail} | {r.Bytes:N0} | {Cell(r.Label)} |");
        }
        Line($"");
        Line($"Replay one input (regenerates it from the engine seed and index, writes it to a file, runs it once):");
        Line($"");
        Line($"```sh");
        Line($"dotnet run -c Release --project bench/RetrievalService.FuzzBench -- --seed {settings.Seed} --replay INDEX --dump /tmp/mutant.bin");
        Line($"```");
        return text.ToString();
    }

    private static string Mib(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1048576.0:F1} MiB") : "n/a";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

using System.Globalization;
using System.Text;
using RetrievalService.Evaluation.Significance;

namespace RetrievalService.Evaluation.Reports;

/// <summary>Renders a <see cref="SignificanceReport"/> as Markdown; <see cref="Cells"/> serves the console table too.</summary>
public static class SignificanceMarkdown
{
    /// <summary>Column headers matching <see cref="Cells"/>; the interval's coverage goes into two of them.</summary>
    public static string[] Headers(double confidence)
    {
        var level = (100 * confidence).ToString("0.#", CultureInfo.InvariantCulture);
        return ["protocol", "queries (clusters)", "baseline mAP", "candidate mAP", "Δ", $"{level} % interval of Δ", "ratio", $"{level} % interval of ratio",
            "P(Δ ≤ 0)", "queries better / worse"];
    }

    /// <summary>One protocol's cells: mAPs and Δ in percent points, the ratio as a fraction.</summary>
    public static string[] Cells(MapComparison c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return [
            c.Protocol.ToString(),
            Invariant($"{c.Queries} ({c.Clusters})"),
            Percent.Format(c.BaselineMap),
            Percent.Format(c.CandidateMap),
            Signed(c.Difference),
            $"[{Signed(c.DifferenceLower)}, {Signed(c.DifferenceUpper)}]",
            c.Ratio is { } r ? Invariant($"{r:0.000}") : "–",
            c.RatioLower is { } lo && c.RatioUpper is { } hi ? Invariant($"[{lo:0.000}, {hi:0.000}]") : "–",
            Invariant($"{c.ProbabilityNotBetter:0.0000}"),
            Invariant($"{c.QueriesBetter} / {c.QueriesWorse}"),
        ];
    }

    /// <summary>The Markdown text of <paramref name="report"/>, optionally with the command that made it.</summary>
    public static string Render(SignificanceReport report, string? command = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {report.Dataset.Name}: {report.Candidate} against {report.Baseline}");
        text.AppendLine();
        if (command is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"```sh\n{command}\n```\n");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Baseline from `{report.BaselineReport}`, candidate from `{report.CandidateReport}`; {report.Dataset.Images} gallery images, {report.Dataset.Queries} queries.");
        text.AppendLine();
        var headers = Headers(report.Confidence);
        text.AppendLine("| " + string.Join(" | ", headers) + " |");
        text.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", headers.Length - 1)));
        foreach (var comparison in report.Protocols)
        {
            text.AppendLine("| " + string.Join(" | ", Cells(comparison)) + " |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"mAP and Δ in percent (points); ratio = candidate / baseline. Intervals: {report.Method}; {report.Resamples} draws, seed {report.Seed}.");
        text.AppendLine("P(Δ ≤ 0) is the share of draws in which the candidate is not above the baseline.");
        return text.ToString();
    }

    private static string Signed(double fraction) => (fraction >= 0 ? "+" : "") + Percent.Format(fraction);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

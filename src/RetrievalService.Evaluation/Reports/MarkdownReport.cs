using System.Globalization;
using System.Text;
using RetrievalService.Evaluation.Metrics;

namespace RetrievalService.Evaluation.Reports;

/// <summary>Renders an <see cref="EvaluationReport"/> as Markdown: settings, then one row per protocol.</summary>
public static class MarkdownReport
{
    /// <summary>The Markdown text of <paramref name="report"/>.</summary>
    public static string Render(EvaluationReport report, string? command = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {report.Dataset.Name}: {report.Queries.ModelId} → {report.Gallery.ModelId} ({report.Mode})");
        text.AppendLine();
        if (command is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"```sh\n{command}\n```\n");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"- dataset: `{report.Dataset.GroundTruthFile}` ({report.Dataset.Images} gallery images, {report.Dataset.Queries} queries)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- gallery: `{report.Gallery.ModelId}` ({report.Gallery.Settings}), sha256 `{report.Gallery.ModelSha256}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"- queries: `{report.Queries.ModelId}` ({report.Queries.Settings}), sha256 `{report.Queries.ModelSha256}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"- whitening: {(report.Whitening is null ? "none" : $"learned on `{report.Whitening}` with the gallery model")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- query expansion: {report.QueryExpansion ?? "none"}");
        text.AppendLine("- search: exact inner product; ties broken by lower gallery index");
        text.AppendLine();
        text.AppendLine("| protocol | mAP | mP@1 | mP@5 | mP@10 | scored | skipped |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var result in report.Metrics.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Protocol} | {Percent.Map(result)} | {At(result, 1)} | {At(result, 5)} | {At(result, 10)} | {result.Scored} | {result.Skipped} |");
        }
        text.AppendLine();
        text.AppendLine("mAP and mP@k in percent (revisitop's definitions); a query without positives under a protocol is skipped by it.");
        if (report.Agreement is { } agreement)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"The query model's {AgreementText.Sentence(agreement)}.");
        }
        return text.ToString();
    }

    /// <summary>Writes <see cref="Render"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(EvaluationReport report, string path, string? command = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render(report, command));
    }

    internal static string At(ProtocolResult result, int k) =>
        Percent.PrecisionAt(result, k);
}

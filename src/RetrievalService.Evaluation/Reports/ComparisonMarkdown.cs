using System.Globalization;
using System.Text;

namespace RetrievalService.Evaluation.Reports;

/// <summary>Renders a <see cref="ComparisonReport"/> as a Markdown table.</summary>
public static class ComparisonMarkdown
{
    /// <summary>The Markdown text of <paramref name="report"/>, optionally with the command and the plot.</summary>
    public static string Render(ComparisonReport report, string? command = null, string? plotFile = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {report.Dataset.Name}: teacher {report.Teacher} and students");
        text.AppendLine();
        if (command is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"```sh\n{command}\n```\n");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Dataset.Images} gallery images, {report.Dataset.Queries} queries. Query cost: {report.CostMethod}.");
        if (report.Protocol is { } protocol)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Protocol: {protocol}.");
        }
        text.AppendLine();
        text.AppendLine("| query → gallery | mode | Easy mAP | Medium mAP | Hard mAP | M mP@10 | H mP@10 | query ms/image | query GMACs | cosine to teacher, mean | p10 | self top-1 |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in report.Rows)
        {
            var m = row.Metrics;
            var macs = row.QueryCost.GigaMacs is { } g ? g.ToString("0.000", CultureInfo.InvariantCulture) : "–";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Label} | {row.Mode} | {Percent.Map(m.Easy)} | {Percent.Map(m.Medium)} | {Percent.Map(m.Hard)} | {MarkdownReport.At(m.Medium, 10)} | {MarkdownReport.At(m.Hard, 10)} | {row.QueryCost.MillisecondsPerImage:0.0} | {macs} | {AgreementText.Mean(row.Agreement)} | {AgreementText.P10(row.Agreement)} | {AgreementText.SelfTop1(row.Agreement)} |");
        }
        text.AppendLine();
        text.AppendLine("mAP and mP@k in percent (revisitop's definitions). Agreement (asymmetric rows): cosine between the query model's and the "
            + "teacher's vector of each gallery image, both at the query size, and how often the teacher's vector of the same image is the nearest of all.");
        if (plotFile is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"![cost and accuracy]({plotFile})");
        }
        return text.ToString();
    }
}

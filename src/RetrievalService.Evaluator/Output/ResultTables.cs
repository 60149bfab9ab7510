using RetrievalService.Evaluation.Reports;
using RetrievalService.Evaluation.Significance;
using Spectre.Console;

namespace RetrievalService.Evaluator.Output;

/// <summary>Result tables on stdout (the results channel), in percent like the Markdown report.</summary>
internal static class ResultTables
{
    private static IAnsiConsole Stdout()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        // Redirected output defaults to 80 columns, which folds the comparison's model ids into unreadable stacks.
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }
        return console;
    }

    public static void Show(EvaluationReport report)
    {
        var table = new Table()
            .Title(Markup.Escape($"{report.Dataset.Name}: {report.Queries.ModelId} → {report.Gallery.ModelId} ({report.Mode})"))
            .AddColumns("protocol", "mAP", "mP@1", "mP@5", "mP@10", "scored", "skipped");
        foreach (var result in report.Metrics.All)
        {
            table.AddRow(result.Protocol.ToString(), Percent.Map(result), At(result, 1), At(result, 5), At(result, 10),
                result.Scored.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Skipped.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        Stdout().Write(table);
        if (report.Agreement is { } agreement)
        {
            Console.Out.WriteLine(AgreementText.Sentence(agreement));
        }
    }

    public static void Show(ComparisonReport report)
    {
        var table = new Table()
            .Title(Markup.Escape($"{report.Dataset.Name}: teacher {report.Teacher}"))
            .AddColumns("query → gallery", "mode", "E mAP", "M mAP", "H mAP", "M mP@10", "H mP@10", "ms/img", "GMACs", "cos", "cos p10", "self@1");
        foreach (var row in report.Rows)
        {
            var m = row.Metrics;
            table.AddRow(Markup.Escape(row.Label), row.Mode, Percent.Map(m.Easy), Percent.Map(m.Medium),
                Percent.Map(m.Hard), At(m.Medium, 10), At(m.Hard, 10),
                row.QueryCost.MillisecondsPerImage.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                row.QueryCost.GigaMacs?.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) ?? "–",
                AgreementText.Mean(row.Agreement), AgreementText.P10(row.Agreement), AgreementText.SelfTop1(row.Agreement));
        }
        Stdout().Write(table);
    }

    public static void Show(SignificanceReport report)
    {
        var table = new Table()
            .Title(Markup.Escape($"{report.Dataset.Name}: {report.Candidate} against {report.Baseline}"))
            .AddColumns(SignificanceMarkdown.Headers(report.Confidence).Select(Markup.Escape).ToArray());
        foreach (var comparison in report.Protocols)
        {
            table.AddRow(SignificanceMarkdown.Cells(comparison).Select(Markup.Escape).ToArray());
        }
        Stdout().Write(table);
    }

    private static string At(Evaluation.Metrics.ProtocolResult result, int k) =>
        Percent.PrecisionAt(result, k);
}

using System.CommandLine;
using RetrievalService.Evaluation.Reports;
using RetrievalService.Evaluation.Running;
using RetrievalService.Evaluator.Comparison;
using RetrievalService.Evaluator.Output;

namespace RetrievalService.Evaluator.Commands;

/// <summary><c>compare</c>: the paper-style table for a teacher and several students, with query cost and a plot.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var options = new EvaluatorOptions();
        var teacher = new Option<string>("--teacher") { Description = "Manifest of the teacher (embeds the gallery in asymmetric rows).", Required = true };
        var students = new Option<string[]>("--students")
        {
            Description = "Manifests of the students to compare.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var plot = new Option<string?>("--plot") { Description = "PNG cost/accuracy plot (default: the Markdown or JSON path with .png)." };
        var plotX = new Option<string>("--plot-x") { Description = "Plot x axis: macs or ms.", DefaultValueFactory = _ => "macs" };
        plotX.AcceptOnlyFromAmong("macs", "ms");
        var costQueries = new Option<int>("--cost-queries") { Description = "Queries the per-image time is measured over.", DefaultValueFactory = _ => 50 };
        var command = new Command("compare", "Teacher→teacher, student→student and student→teacher on one dataset, with query cost and a cost/accuracy plot.")
        {
            teacher, students, plot, plotX, costQueries,
        };
        options.AddTo(command);
        command.SetAction((parse, ct) => EvaluatorErrors.GuardAsync(async () =>
        {
            var template = options.Request(parse, parse.GetValue(teacher)!, queryManifest: null);
            if (parse.GetValue(costQueries) < 1)
            {
                throw new EvaluatorInputException($"--cost-queries must be at least 1 (got {parse.GetValue(costQueries)}): the per-image time is a mean over them.");
            }
            using var models = new ModelLibrary();
            var report = await SpectreObserver.RunAsync(observer =>
                new ComparisonRunner(models, observer).RunAsync(template, parse.GetValue(students)!, parse.GetValue(costQueries), ct));
            ResultTables.Show(report);
            var png = parse.GetValue(plot) ?? DefaultPlotPath(parse.GetValue(options.Markdown) ?? parse.GetValue(options.Json));
            if (png is not null)
            {
                CostAccuracyPlot.Save(report, png, parse.GetValue(plotX) == "ms");
                Console.Error.WriteLine($"compare: plot {Path.GetFullPath(png)}");
            }
            WriteFiles(parse, options, report, png);
            return 0;
        }));
        return command;
    }

    private static string? DefaultPlotPath(string? reportPath) => reportPath is null ? null : Path.ChangeExtension(reportPath, ".png");

    private static void WriteFiles(ParseResult parse, EvaluatorOptions options, ComparisonReport report, string? png)
    {
        if (parse.GetValue(options.Json) is { } json)
        {
            ReportJson.Write(report, json);
            Console.Error.WriteLine($"compare: JSON report {Path.GetFullPath(json)}");
        }
        if (parse.GetValue(options.Markdown) is { } markdown)
        {
            var relativePlot = png is null ? null : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(markdown))!, Path.GetFullPath(png));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markdown))!);
            File.WriteAllText(markdown, ComparisonMarkdown.Render(report, CommandLine.Describe(parse), relativePlot));
            Console.Error.WriteLine($"compare: Markdown report {Path.GetFullPath(markdown)}");
        }
    }
}

using System.CommandLine;
using RetrievalService.Evaluation.Reports;
using RetrievalService.Evaluation.Running;
using RetrievalService.Evaluator.Output;

namespace RetrievalService.Evaluator.Commands;

/// <summary><c>evaluate</c>: one gallery model and one query model (or the same one) on one dataset.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var options = new EvaluatorOptions();
        var galleryModel = new Option<string>("--gallery-model") { Description = "Manifest of the model that embeds the gallery (the teacher).", Required = true };
        var queryModel = new Option<string?>("--query-model") { Description = "Manifest of the query model (a student); omit for symmetric testing." };
        var command = new Command("evaluate", "Embed gallery and queries, search exhaustively and report mAP (Easy/Medium/Hard) and mP@1/5/10.")
        {
            galleryModel, queryModel,
        };
        options.AddTo(command);
        command.SetAction((parse, ct) => EvaluatorErrors.GuardAsync(async () =>
        {
            var request = options.Request(parse, parse.GetValue(galleryModel)!, parse.GetValue(queryModel));
            using var models = new ModelLibrary();
            var report = await SpectreObserver.RunAsync(observer => new EvaluationRunner(models, observer).RunAsync(request, ct));
            ResultTables.Show(report);
            WriteFiles(parse, options, report);
            await Console.Error.WriteLineAsync($"evaluate: {report.ImagesEmbedded} images embedded, {report.Seconds:0.0} s");
            return 0;
        }));
        return command;
    }

    private static void WriteFiles(ParseResult parse, EvaluatorOptions options, EvaluationReport report)
    {
        if (parse.GetValue(options.Json) is { } json)
        {
            ReportJson.Write(report, json);
            Console.Error.WriteLine($"evaluate: JSON report {Path.GetFullPath(json)}");
        }
        if (parse.GetValue(options.Markdown) is { } markdown)
        {
            MarkdownReport.Write(report, markdown, CommandLine.Describe(parse));
            Console.Error.WriteLine($"evaluate: Markdown report {Path.GetFullPath(markdown)}");
        }
    }
}

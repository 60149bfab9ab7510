using System.CommandLine;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Reports;
using RetrievalService.Evaluation.Significance;
using RetrievalService.Evaluator.Output;

namespace RetrievalService.Evaluator.Commands;

/// <summary>
/// <c>significance</c>: is one model's mAP really above another's on this dataset, or within what another draw of
/// instances would change? Reads two reports (or two rows of one); embeds nothing.
/// </summary>
internal static class SignificanceCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "The dataset both reports were evaluated on (its ground truth groups the queries).", Required = true };
        var baseline = new Option<string>("--baseline") { Description = "JSON report (evaluate or compare) holding the baseline.", Required = true };
        var baselineRow = new Option<string?>("--baseline-row")
        {
            Description = "Row of a compare report: QUERY (that model searching the teacher's gallery) or QUERY:GALLERY.",
        };
        var candidate = new Option<string?>("--candidate") { Description = "JSON report holding the candidate (default: the baseline's report)." };
        var candidateRow = new Option<string?>("--candidate-row") { Description = "Row of the candidate's report, as --baseline-row." };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap draws.", DefaultValueFactory = _ => 10_000 };
        var confidence = new Option<double>("--confidence") { Description = "Coverage of the intervals.", DefaultValueFactory = _ => 0.95 };
        var seed = new Option<int>("--seed") { Description = "Seed of the draws.", DefaultValueFactory = _ => 0 };
        var json = new Option<string?>("--json") { Description = "Write the report as JSON to this file." };
        var markdown = new Option<string?>("--markdown") { Description = "Write the report as Markdown to this file." };
        resamples.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < PairedBootstrap.MinimumResamples)
            {
                result.AddError($"--resamples must be at least {PairedBootstrap.MinimumResamples}.");
            }
        });
        confidence.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and < 1))
            {
                result.AddError("--confidence must lie strictly between 0 and 1, e.g. 0.95.");
            }
        });
        var command = new Command("significance",
            "Paired bootstrap of the mAP difference and ratio between two evaluated models, resampling instances (queries that share a listed gallery image).")
        {
            dataset, baseline, baselineRow, candidate, candidateRow, resamples, confidence, seed, json, markdown,
        };
        command.SetAction((parse, _) => EvaluatorErrors.GuardAsync(() =>
        {
            var baselinePath = parse.GetValue(baseline)!;
            var candidatePath = parse.GetValue(candidate) ?? baselinePath;
            var report = SignificanceAnalysis.Run(
                DatasetReader.Read(parse.GetValue(dataset)!),
                (ReportedRun.Select(baselinePath, parse.GetValue(baselineRow)), baselinePath),
                (ReportedRun.Select(candidatePath, parse.GetValue(candidateRow)), candidatePath),
                parse.GetValue(resamples), parse.GetValue(confidence), parse.GetValue(seed));
            ResultTables.Show(report);
            if (parse.GetValue(json) is { } jsonPath)
            {
                ReportJson.Write(report, jsonPath);
                Console.Error.WriteLine($"significance: JSON report {Path.GetFullPath(jsonPath)}");
            }
            if (parse.GetValue(markdown) is { } markdownPath)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markdownPath))!);
                File.WriteAllText(markdownPath, SignificanceMarkdown.Render(report, CommandLine.Describe(parse)));
                Console.Error.WriteLine($"significance: Markdown report {Path.GetFullPath(markdownPath)}");
            }
            return Task.FromResult(0);
        }));
        return command;
    }
}

using System.Diagnostics;
using RetrievalService.DatasetTool.Output;
using Spectre.Console;

namespace RetrievalService.DatasetTool.Commands;

/// <summary>Writes planned splits with a progress bar, then <c>build.json</c>, then a summary (stderr) and the folder (stdout).</summary>
internal static class BuildOutput
{
    public static int Write(
        BuildContext context, IReadOnlyList<SplitPlan> plans, IReadOnlyList<SourceRecord> sources,
        SortedDictionary<string, string> settings, IReadOnlyList<string> skipped, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        AnsiConsole.Progress().Start(progress =>
        {
            foreach (var plan in plans)
            {
                var total = plan.Jobs.Sum(j => j.Names.Count);
                var task = progress.AddTask($"{context.Dataset}/{plan.Split}", maxValue: total);
                DatasetWriter.WriteSplit(context.OutDir, plan, context.Workers, new Progress<int>(done => task.Value = done), ct);
                task.Value = total;
            }
        });
        var counts = plans.Select(p => p.Counts()).ToList();
        var manifest = new BuildManifest(context.Dataset, BuildManifest.CurrentToolVersion, context.Seed, sources, settings, counts, skipped);
        DatasetWriter.WriteManifest(context.OutDir, manifest);

        var table = new Table().AddColumns("split", "instances", "queries", "gallery", "easy", "hard", "junk");
        foreach (var c in counts)
        {
            table.AddRow(c.Split, $"{c.Instances}", $"{c.Queries}", $"{c.Gallery}", $"{c.Easy}", $"{c.Hard}", $"{c.Junk}");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{skipped.Count} source files skipped; written in {started.Elapsed.TotalSeconds:F0} s[/]");
        Console.WriteLine(context.OutDir);
        return 0;
    }
}

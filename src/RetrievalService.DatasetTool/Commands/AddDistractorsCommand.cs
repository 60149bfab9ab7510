using System.CommandLine;
using RetrievalService.DatasetTool.Distractors;
using RetrievalService.DatasetTool.Output;
using RetrievalService.DatasetTool.Sources;
using RetrievalService.DatasetTool.Splits;
using Spectre.Console;

namespace RetrievalService.DatasetTool.Commands;

/// <summary><c>add-distractors</c>: a copy of a built dataset with unlabelled images appended to one split's gallery.</summary>
internal static class AddDistractorsCommand
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset") { Description = "The built dataset to copy (a folder with build.json).", Required = true };
        var images = new Option<DirectoryInfo[]>("--images")
        {
            Description = "Folder of unlabelled images, searched recursively; repeat for several. Images in Debian packages unpacked under <data>/sources/debs, and in npm packages fetched by fetch-npm, are recorded with the package's version.",
            Required = true,
        };
        var split = new Option<string>("--split") { Description = "The split whose gallery receives them.", DefaultValueFactory = _ => SplitNames.Train };
        split.AcceptOnlyFromAmong([.. SplitNames.All]);
        var output = new Option<DirectoryInfo>("--out") { Description = "Dataset folder to write (replaced); outside --dataset.", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "Data folder holding sources/debs.", DefaultValueFactory = _ => new DirectoryInfo("data") };
        var workers = new Option<int>("--workers") { Description = "Images rendered in parallel (does not change the output).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("add-distractors",
            "Copy a dataset, appending unlabelled images to one split's gallery: more images for label-free training losses, or a harder test gallery.")
        {
            dataset, images, split, output, data, workers,
        };
        command.SetAction((parse, ct) =>
        {
            var folders = parse.GetValue(images)!.Select(d => d.FullName).ToList();
            var skipped = new List<string>();
            var candidates = DistractorSources.Find(folders, skipped);
            var sourcesDir = Path.Combine(parse.GetValue(data)!.FullName, "sources");
            var adder = new DistractorAdder(parse.GetValue(split)!, Math.Max(1, parse.GetValue(workers)));
            var outDir = parse.GetValue(output)!.FullName;
            BuildManifest manifest = null!;
            AnsiConsole.Progress().Start(progress =>
            {
                var task = progress.AddTask($"distractors → {adder.Split}", maxValue: Math.Max(1, candidates.Count));
                manifest = adder.Write(parse.GetValue(dataset)!.FullName, outDir, candidates, folders, SourceFolders.Records(sourcesDir, folders), skipped,
                    new Progress<int>(done => task.Value = done), ct);
                task.Value = task.MaxValue;
            });
            var counts = manifest.Splits.Single(s => s.Split == adder.Split);
            AnsiConsole.MarkupLine($"[grey]{adder.Split}: {counts.Gallery} gallery images; {manifest.Skipped.Count} files skipped in all (build.json lists them)[/]");
            Console.WriteLine(outDir);
            return Task.FromResult(0);
        });
        return command;
    }
}

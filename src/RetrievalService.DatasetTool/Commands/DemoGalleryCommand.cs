using System.CommandLine;
using RetrievalService.DataSources.Photos;
using Spectre.Console;

namespace RetrievalService.DatasetTool.Commands;

/// <summary>
/// <c>photo-pool demo-gallery</c>: writes the indexer manifest (JSON lines) of the demo gallery that <c>scripts/run.sh</c>
/// indexes, and prints its path.
/// </summary>
internal static class DemoGalleryCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "Folder with the downloaded sources (sources/debs from scripts/fetch-photos.sh).",
            DefaultValueFactory = _ => new DirectoryInfo("data"),
        };
        var output = new Option<FileInfo>("--out") { Description = "Manifest to write (.jsonl), replaced.", Required = true };
        var command = new Command("demo-gallery", "Write the demo gallery's indexer manifest: one JSON line (id, path, source, metadata) per photo.")
        {
            data, output,
        };
        command.SetAction(parse =>
        {
            var debsDir = Path.Combine(parse.GetValue(data)!.FullName, "sources", "debs");
            var path = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var lines = DemoGalleryManifest.Lines(debsDir);
            // Written beside the target and renamed, so an interrupted run never leaves a manifest cut short.
            var partial = path + ".partial";
            File.WriteAllLines(partial, lines);
            File.Move(partial, path, overwrite: true);
            AnsiConsole.MarkupLineInterpolated($"[grey]{lines.Count} demo photos in {path}[/]");
            Console.WriteLine(path);
            return 0;
        });
        return command;
    }
}

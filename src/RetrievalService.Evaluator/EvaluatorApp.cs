using System.CommandLine;
using RetrievalService.Cli;
using RetrievalService.Evaluator.Commands;

namespace RetrievalService.Evaluator;

/// <summary>The <c>evaluator</c> CLI as a callable entry point, so tests run its subcommands in-process.</summary>
public static class EvaluatorApp
{
    /// <summary>Parses <paramref name="args"/> and runs the subcommand; returns the process exit code.</summary>
    /// <remarks>Exit codes: 0 success, 1 usage error, 2 the input (dataset, model, image) is unusable.</remarks>
    public static async Task<int> RunAsync(string[] args)
    {
        // Progress and logs go to stderr; stdout carries only results (the tables), so it can be piped.
        ProgressConsole.UseStandardError();
        var root = new RootCommand("Evaluates retrieval models with the revisited Oxford/Paris protocol (mAP Easy/Medium/Hard, mP@k).")
        {
            EvaluateCommand.Create(),
            CompareCommand.Create(),
            SignificanceCommand.Create(),
        };
        return await root.Parse(args).InvokeAsync();
    }
}

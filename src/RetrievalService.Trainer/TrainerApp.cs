using System.CommandLine;
using RetrievalService.Cli;
using RetrievalService.Trainer.Commands;

namespace RetrievalService.Trainer;

/// <summary>The <c>trainer</c> CLI as a callable entry point, so tests run its subcommands in-process.</summary>
public static class TrainerApp
{
    /// <summary>Parses <paramref name="args"/> and runs the subcommand; returns the process exit code.</summary>
    /// <remarks>Exit codes: 0 success, 1 usage error, 2 the input (dataset, model, image, checkpoint) is unusable, 130 stopped by Ctrl-C or SIGTERM.</remarks>
    public static async Task<int> RunAsync(string[] args)
    {
        // Progress and logs go to stderr; stdout carries only the result (the exported manifest's path).
        ProgressConsole.UseStandardError();
        var root = new RootCommand("Trains light students into a frozen teacher's embedding space (Budnik & Avrithis, CVPR 2021).")
        {
            TrainCommand.Create(),
        };
        // Ctrl-C / SIGTERM cancel the token and the trainer stops after the epoch in progress, checkpointed. The default
        // two-second grace would return from Main while libtorch still computes, which ends the process in a segfault
        // and loses that epoch; so wait for the action, however long its epoch takes (SIGKILL still works).
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = Timeout.InfiniteTimeSpan };
        return await root.Parse(args).InvokeAsync(invocation);
    }
}

using System.CommandLine;
using RetrievalService.Cli;
using RetrievalService.Indexer.Commands;

namespace RetrievalService.Indexer;

/// <summary>The <c>indexer</c> CLI as a callable entry point, so tests can run its subcommands in-process.</summary>
public static class IndexerApp
{
    /// <summary>Parses <paramref name="args"/> and runs the subcommand; returns an <see cref="ExitCodes"/> value.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configuration">Configuration entries applied over appsettings and environment (tests set the schema here).</param>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        // Progress and logs go to stderr; stdout carries only results (stats), so it can be piped.
        ProgressConsole.UseStandardError();
        var root = CreateRoot(configuration ?? new Dictionary<string, string?>());
        // Ctrl-C / SIGTERM cancel the token, and the run stops once its stages have unwound, then writes its summary and
        // report. The default two-second grace would return from Main meanwhile (an ORT batch cannot be cut short) and
        // end the process before the report is written; so wait for the action however long that takes (SIGKILL still works).
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = Timeout.InfiniteTimeSpan };
        return await root.Parse(args).InvokeAsync(invocation);
    }

    /// <summary>The command tree, for running and for checking a command line written elsewhere (a Job, a compose file).</summary>
    /// <param name="configuration">Configuration entries applied over appsettings and environment.</param>
    public static RootCommand CreateRoot(IReadOnlyDictionary<string, string?> configuration) =>
        new("Indexes gallery images with the teacher model into PostgreSQL + pgvector, maintains the gallery, switches the live one between teachers, and manages the API's keys.")
        {
            IndexCommand.Create(configuration),
            DeleteCommand.Create(configuration),
            StatsCommand.Create(configuration),
            ReindexHnswCommand.Create(configuration),
            KeysCommand.Create(configuration),
            GalleryCommand.Create(configuration),
        };
}

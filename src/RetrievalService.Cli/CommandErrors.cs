using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Cli;

/// <summary>
/// The command-line tools' error convention: a failure the user can act on (a missing file, a bad manifest, a
/// refused model, and what each tool adds) becomes one line <c>tool: message</c> on stderr and an exit code, where a
/// stack trace would add nothing. Any other exception is a bug and keeps its stack trace.
/// </summary>
public sealed class CommandErrors
{
    /// <summary>Input the user can fix. 1 stays System.CommandLine's own code for an invalid command line.</summary>
    public const int InputError = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, the shell's convention).</summary>
    public const int Interrupted = 130;

    private readonly string tool;
    private readonly CommandFailure[] failures;

    /// <param name="tool">What starts each stderr line: the tool's or the subcommand's name.</param>
    /// <param name="toolFailures">The tool's own failures, tried in order after the ones every tool shares.</param>
    public CommandErrors(string tool, params CommandFailure[] toolFailures)
    {
        this.tool = tool;
        failures = [CommandFailure.Input(IsSharedInputError), .. toolFailures];
    }

    /// <summary>Runs <paramref name="action"/>; a failure this convention knows is reported and becomes its exit code.</summary>
    public async Task<int> GuardAsync(Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (Exception e) when (Find(e) is { } failure)
        {
            return Fail(failure.ExitCode, failure.Describe(e));
        }
    }

    /// <summary>The synchronous <see cref="GuardAsync"/>.</summary>
    public int Guard(Func<int> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (Exception e) when (Find(e) is { } failure)
        {
            return Fail(failure.ExitCode, failure.Describe(e));
        }
    }

    /// <summary>Writes <c>tool: message</c> to stderr and returns <paramref name="exitCode"/>.</summary>
    public int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine($"{tool}: {message}");
        return exitCode;
    }

    private CommandFailure? Find(Exception e) => Array.Find(failures, f => f.Matches(e));

    private static bool IsSharedInputError(Exception e) =>
        e is FileNotFoundException or DirectoryNotFoundException or InvalidModelManifestException or ModelRejectedException;
}

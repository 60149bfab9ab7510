using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using RetrievalService.Cli;

namespace RetrievalService.ModelTool.Commands;

/// <summary>
/// The model tool's failures a user can fix (paths, images, models, manifests) on top of every tool's, each reported
/// as "subcommand: message" with exit code 2.
/// </summary>
internal static class ModelToolErrors
{
    // Bad paths, too few images, an unreadable image or model, two models with one id: the message says which.
    private static readonly CommandFailure BadInput = CommandFailure.Input(e => e is IOException or ArgumentException
        or InvalidDataException or NotSupportedException or JsonException or OnnxRuntimeException);

    /// <summary>Runs <paramref name="action"/>; a failure it can explain is reported as "<paramref name="command"/>: message".</summary>
    public static int Reporting(string command, Func<int> action) => new CommandErrors(command, BadInput).Guard(action);

    /// <summary>The asynchronous <see cref="Reporting"/>.</summary>
    public static Task<int> ReportingAsync(string command, Func<Task<int>> action) => new CommandErrors(command, BadInput).GuardAsync(action);

    /// <summary>Reports <paramref name="message"/> as "<paramref name="command"/>: message" and returns the input-error code.</summary>
    public static int Fail(string command, string message) => new CommandErrors(command).Fail(CommandErrors.InputError, message);
}

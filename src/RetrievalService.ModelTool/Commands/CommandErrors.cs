using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace RetrievalService.ModelTool.Commands;

/// <summary>Turns the failures a user can fix (paths, images, models, manifests) into one line on stderr and exit code 2.</summary>
internal static class CommandErrors
{
    public const int InputError = 2;

    /// <summary>Runs <paramref name="action"/>; a failure it can explain is reported as "<paramref name="command"/>: message".</summary>
    public static int Reporting(string command, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException or NotSupportedException
                                      or JsonException or OnnxRuntimeException)
        {
            // Bad paths, too few images, an unreadable image or model, two models with one id: the message says
            // which; a stack trace adds nothing.
            Console.Error.WriteLine($"{command}: {e.Message}");
            return InputError;
        }
    }
}

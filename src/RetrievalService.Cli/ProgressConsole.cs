using Spectre.Console;

namespace RetrievalService.Cli;

/// <summary>The tools' output split: progress, summaries and logs on stderr, results alone on stdout, so stdout can be piped.</summary>
public static class ProgressConsole
{
    /// <summary>Points Spectre.Console's <see cref="AnsiConsole.Console"/> at stderr; call it once, before any command runs.</summary>
    public static void UseStandardError() =>
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}

namespace RetrievalService.Cli;

/// <summary>Exceptions that a tool reports as one stderr line and <paramref name="ExitCode"/>.</summary>
/// <param name="Matches">Whether an exception is one of them.</param>
/// <param name="ExitCode">The tool's exit code for them.</param>
/// <param name="Message">The stderr line after <c>tool: </c>; null for the exception's own message.</param>
public sealed record CommandFailure(Func<Exception, bool> Matches, int ExitCode, Func<Exception, string>? Message = null)
{
    /// <summary>Input the user can fix (<see cref="CommandErrors.InputError"/>), reported with the exception's message.</summary>
    public static CommandFailure Input(Func<Exception, bool> matches) => new(matches, CommandErrors.InputError);

    internal string Describe(Exception e) => Message?.Invoke(e) ?? e.Message;
}

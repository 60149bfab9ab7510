using System.CommandLine;

namespace RetrievalService.Cli;

/// <summary>The command line that reruns a parsed command, recorded in reports and manifests so results can be reproduced.</summary>
public static class ReproducingCommand
{
    /// <summary>
    /// <c>dotnet run <paramref name="runArguments"/> -- tokens…</c>, each token quoted for a POSIX shell where it needs
    /// it, e.g. <c>Describe("--project src/RetrievalService.Trainer -c Release", parse)</c>.
    /// </summary>
    public static string Describe(string runArguments, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return $"dotnet run {runArguments} -- " + string.Join(' ', parse.Tokens.Select(t => Quote(t.Value)));
    }

    private static string Quote(string token) =>
        token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':')
            ? token
            : $"'{token.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}

using System.CommandLine;

namespace RetrievalService.Evaluator.Commands;

/// <summary>The command that produced a report, printed in it so every number can be reproduced.</summary>
internal static class CommandLine
{
    public static string Describe(ParseResult parse) =>
        "dotnet run --project src/RetrievalService.Evaluator -- " + string.Join(' ', parse.Tokens.Select(t => Quote(t.Value)));

    private static string Quote(string token) =>
        token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':') ? token : $"'{token.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}

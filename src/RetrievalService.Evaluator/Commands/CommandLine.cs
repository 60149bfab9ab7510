using System.CommandLine;
using RetrievalService.Cli;

namespace RetrievalService.Evaluator.Commands;

/// <summary>The command that produced a report, printed in it so every number can be reproduced.</summary>
internal static class CommandLine
{
    public static string Describe(ParseResult parse) => ReproducingCommand.Describe("--project src/RetrievalService.Evaluator", parse);
}

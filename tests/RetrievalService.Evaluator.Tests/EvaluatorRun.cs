using System.Text.Json;
using RetrievalService.Evaluator;

namespace RetrievalService.Evaluator.Tests;

/// <summary>Runs the CLI in-process with one ORT thread and returns the exit code and the parsed JSON report.</summary>
internal static class EvaluatorRun
{
    public static async Task<(int ExitCode, JsonElement Report)> RunAsync(string jsonPath, params string[] args)
    {
        var exitCode = await EvaluatorApp.RunAsync([.. args, "--threads", "1", "--json", jsonPath]);
        if (exitCode != 0 || !File.Exists(jsonPath))
        {
            return (exitCode, default);
        }
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(jsonPath));
        return (exitCode, document.RootElement.Clone());
    }

    public static double Map(this JsonElement report, string protocol) =>
        report.GetProperty("metrics").GetProperty(protocol).GetProperty("meanAveragePrecision").GetDouble();
}

using System.Reflection;
using System.Text.Json;
using TorchSharp;

namespace RetrievalService.TrainBench;

/// <summary>What <c>--json</c> writes; <c>bench/train-step/pytorch_mnv2.py</c> writes the same shape.</summary>
internal sealed record TrainBenchReport(string Framework, string Version, string Model, int Batch, int Size, int Warmup,
    int Iterations, int LogicalCores, string OmpNumThreads, ParameterCounts Parameters, IReadOnlyList<StepStatistics> Results)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static TrainBenchReport Create(BenchSettings settings, ParameterCounts parameters, IReadOnlyList<StepStatistics> results) => new(
        "TorchSharp",
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        settings.Model, settings.Batch, settings.Size, settings.Warmup, settings.Iterations,
        Environment.ProcessorCount, Environment.GetEnvironmentVariable("OMP_NUM_THREADS") ?? "(unset)",
        parameters, results);

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));
}

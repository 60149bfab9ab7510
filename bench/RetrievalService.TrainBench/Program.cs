using System.Globalization;
using RetrievalService.TrainBench;

// Issue 6 §6: the TorchSharp student's training-step time, set against PyTorch by bench/train-step/run.sh.
// Table on stdout, progress on stderr.
var settings = BenchSettings.Parse(args);
if (!File.Exists(settings.Model))
{
    Console.Error.WriteLine($"train-bench: no model at '{settings.Model}'; run scripts/setup.sh (it builds models/) or pass --model.");
    return 1;
}

var results = new List<StepStatistics>();
ParameterCounts? parameters = null;
foreach (var threads in settings.Threads)
{
    Console.Error.WriteLine($"train-bench: {threads} thread(s), {settings.Warmup} warm-up + {settings.Iterations} timed steps");
    (var statistics, parameters) = TrainStepBench.Run(settings, threads);
    results.Add(statistics);
}

var report = TrainBenchReport.Create(settings, parameters!, results);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    TorchSharp {report.Version}: batch {settings.Batch}, {settings.Size}×{settings.Size} px, {parameters!.Trainable:N0} trainable parameters (backbone {parameters.Backbone:N0}, head {parameters.Head:N0}, GeM p {parameters.Gem}).

    | Threads | Median ms/step | p10 ms | p90 ms | Images/s (median) |
    |---:|---:|---:|---:|---:|
    """));
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Threads} | {r.MedianMs:F1} | {r.P10Ms:F1} | {r.P90Ms:F1} | {r.ImagesPerSecond:F2} |"));
}
if (settings.Json is { } json)
{
    report.Write(json);
}
return 0;

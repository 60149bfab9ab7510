using System.CommandLine;
using System.Text.Json;
using RetrievalService.Bench.Latency;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Bench.Commands;

/// <summary><c>latency</c>: ORT CPU time per image for every model, batch size and intra-op thread count.</summary>
internal static class LatencyCommand
{
    public static Command Create()
    {
        var models = BenchOptions.ModelsDir();
        var json = BenchOptions.Json();
        var threads = new Option<int[]>("--threads") { Description = "Intra-op thread counts to measure.", DefaultValueFactory = _ => [1, 2], AllowMultipleArgumentsPerToken = true };
        var only = BenchOptions.Only("Measure");
        var minBatches = new Option<int>("--min-batches") { DefaultValueFactory = _ => 10 };
        var minSeconds = new Option<double>("--min-seconds") { DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { DefaultValueFactory = _ => 3 };
        var command = new Command("latency", "Time ONNX Runtime CPU inference per image and print a Markdown table.")
        {
            models, json, threads, only, minBatches, minSeconds, warmup,
        };
        command.SetAction(parse =>
        {
            var budget = new LatencyBudget(parse.GetValue(warmup), parse.GetValue(minBatches), parse.GetValue(minSeconds));
            var entries = ModelCatalog.Load(parse.GetValue(models)!, parse.GetValue(only) ?? []);
            var report = Run(entries, parse.GetValue(threads)!, budget);
            Console.Write(report.ToMarkdown());
            if (parse.GetValue(json) is { } file)
            {
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(report, JsonOutput.Options));
            }
            return 0;
        });
        return command;
    }

    private static LatencyReport Run(IReadOnlyList<CatalogEntry> entries, int[] threadCounts, LatencyBudget budget)
    {
        var started = DateTimeOffset.UtcNow;
        var loadAtStart = MachineInfo.LoadAverage();
        var cells = new List<LatencyCell>();
        foreach (var entry in entries)
        {
            foreach (var threads in threadCounts)
            {
                // Inter-op 1: these graphs are chains, and a second pool would only compete for the same cores.
                using var embedder = OnnxEmbedder.Load(entry.ManifestPath, new InferenceOptions { IntraOpThreads = threads, InterOpThreads = 1 });
                foreach (var (side, batch) in LatencyHarness.Shapes)
                {
                    Console.Error.WriteLine($"latency: {entry.Manifest.Id} {side}² batch {batch} threads {threads}");
                    var times = LatencyHarness.Time(embedder, side, batch, budget);
                    cells.Add(LatencyCell.From(entry.Manifest.Id, side, batch, threads, times, MachineInfo.LoadAverage()?[0]));
                }
            }
        }
        // Measured thread count by thread count (one session each); listed so the thread counts of a shape sit together.
        var ordered = cells.GroupBy(c => c.Model)
            .SelectMany(g => g.OrderBy(c => c.Side).ThenBy(c => c.Batch).ThenBy(c => c.Threads)).ToList();
        return new LatencyReport(started, MachineInfo.Current(), loadAtStart, MachineInfo.LoadAverage(), budget, ordered);
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using RetrievalService.Bench.Cuda;
using RetrievalService.Bench.Latency;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Bench.Commands;

/// <summary>
/// <c>cuda</c>: for a GPU build (<c>-p:OrtBuild=Gpu</c>) on a machine with a device, checks that every model runs
/// on the CUDA provider and gives the CPU's vectors on real images, then times both providers. Exit code 1 when
/// CUDA is not in use: a silent CPU fallback would make every number below it a CPU number.
/// </summary>
internal static class CudaCommand
{
    public static Command Create()
    {
        var models = BenchOptions.ModelsDir();
        var json = BenchOptions.Json();
        var only = BenchOptions.Only("Check");
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder of real images to compare the providers' vectors on.", Required = true };
        var threads = new Option<int>("--threads") { Description = "Intra-op threads of the CPU sessions.", DefaultValueFactory = _ => 1 };
        var device = new Option<int>("--device") { Description = "CUDA device ordinal.", DefaultValueFactory = _ => 0 };
        var minSeconds = new Option<double>("--min-seconds") { DefaultValueFactory = _ => 3 };
        var command = new Command("cuda", "Check that the GPU build embeds on CUDA with the CPU's vectors, and time both providers.")
        {
            models, json, only, images, threads, device, minSeconds,
        };
        command.SetAction(parse =>
        {
            var entries = ModelCatalog.Load(parse.GetValue(models)!, parse.GetValue(only) ?? []);
            var files = parse.GetValue(images)!.GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.FullName).ToList();
            var budget = new LatencyBudget(WarmupBatches: 5, MinBatches: 20, parse.GetValue(minSeconds));
            var cpu = new InferenceOptions { ExecutionProvider = ExecutionProviderKind.Cpu, IntraOpThreads = parse.GetValue(threads), InterOpThreads = 1 };
            var cuda = new InferenceOptions { ExecutionProvider = ExecutionProviderKind.Cuda, DeviceId = parse.GetValue(device), IntraOpThreads = 1, InterOpThreads = 1 };
            var started = DateTimeOffset.UtcNow;
            var agreement = new List<ProviderAgreement>();
            var latency = new List<ProviderLatency>();
            foreach (var entry in entries)
            {
                using var onCpu = OnnxEmbedder.Load(entry.ManifestPath, cpu);
                using var onCuda = OnnxEmbedder.Load(entry.ManifestPath, cuda);
                if (onCuda.ExecutionProvider != ExecutionProviderKind.Cuda)
                {
                    Console.Error.WriteLine($"cuda: {entry.Manifest.Id} fell back to {onCuda.ExecutionProvider}: this build or host cannot run CUDA.");
                    return 1;
                }
                agreement.Add(Compare(entry.Manifest.Id, onCpu, onCuda, files));
                foreach (var (provider, embedder, threadCount) in new[] { ("cpu", onCpu, cpu.IntraOpThreads), ("cuda", onCuda, 0) })
                {
                    foreach (var (side, batch) in LatencyHarness.Shapes)
                    {
                        Console.Error.WriteLine($"cuda: {entry.Manifest.Id} on {provider}, {side}² batch {batch}");
                        var times = LatencyHarness.Time(embedder, side, batch, budget);
                        latency.Add(new ProviderLatency(provider, LatencyCell.From(entry.Manifest.Id, side, batch, threadCount, times, null)));
                    }
                }
            }
            var report = new CudaReport(started, MachineInfo.Current(), GpuName(), budget, agreement, latency);
            Console.Write(report.ToMarkdown());
            if (parse.GetValue(json) is { } file)
            {
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(report, JsonOutput.Options));
            }
            return 0;
        });
        return command;
    }

    private static ProviderAgreement Compare(string model, OnnxEmbedder onCpu, OnnxEmbedder onCuda, IReadOnlyList<string> files)
    {
        var pipeline = new ImagePipeline(new ImageDecodeLimits());
        var pairs = new List<(float[] Cpu, float[] Cuda)>();
        foreach (var file in files)
        {
            using var prepared = pipeline.Prepare(File.ReadAllBytes(file), onCpu.Manifest.Input);
            pairs.Add((onCpu.Embed(prepared.Tensor), onCuda.Embed(prepared.Tensor)));
        }
        return ProviderAgreement.From(model, pairs);
    }

    /// <summary>The device's name from nvidia-smi, when it is there; the report is still useful without it.</summary>
    private static string? GpuName()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("nvidia-smi", "--query-gpu=name,driver_version --format=csv,noheader")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            var output = process?.StandardOutput.ReadToEnd().Trim();
            process?.WaitForExit();
            return string.IsNullOrEmpty(output) ? null : output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.Text;
using RetrievalService.Bench.Latency;

namespace RetrievalService.Bench.Cuda;

/// <summary>One latency cell with the provider it ran on.</summary>
internal sealed record ProviderLatency(string Provider, LatencyCell Cell);

/// <summary>What one <c>cuda</c> run found: agreement with the CPU per model, and per-image times on both providers.</summary>
internal sealed record CudaReport(
    DateTimeOffset Started, MachineInfo Machine, string? Gpu, LatencyBudget Budget,
    IReadOnlyList<ProviderAgreement> Agreement, IReadOnlyList<ProviderLatency> Latency)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Started {Started:yyyy-MM-dd HH:mm} UTC on {Machine}; GPU: {Gpu ?? "not reported"}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Budget.WarmupBatches} warm-up batches, then ≥ {Budget.MinBatches} batches and ≥ {Budget.MinSeconds} s per cell.");
        text.AppendLine();
        var agreement = new MarkdownTable(1, "Model", "Images", "Cosine min", "Cosine mean", "Max |Δ|");
        foreach (var a in Agreement)
        {
            agreement.Add(a.Model, $"{a.Images}", $"{a.MinCosine:F6}", $"{a.MeanCosine:F6}", $"{a.MaxAbsDifference:E2}");
        }
        text.Append(agreement).AppendLine();
        var latency = new MarkdownTable(2, "Model", "Provider", "Input", "Batch", "CPU threads", "Median ms/img", "p90 ms/img", "img/s", "Batches");
        foreach (var (provider, c) in Latency)
        {
            latency.Add(c.Model, provider, $"{c.Side}²", $"{c.Batch}", $"{c.Threads}", $"{c.MedianMsPerImage:F2}", $"{c.P90MsPerImage:F2}",
                $"{c.ImagesPerSecond:F1}", $"{c.TimedBatches}");
        }
        text.Append(latency);
        return text.ToString();
    }
}

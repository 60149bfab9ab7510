namespace RetrievalService.Bench.Latency;

/// <summary>One measured configuration: a model at one image size, batch size and intra-op thread count.</summary>
internal sealed record LatencyCell(
    string Model, int Side, int Batch, int Threads, int TimedBatches, double MedianMsPerImage, double P90MsPerImage,
    double ImagesPerSecond, double? Load1AtEnd)
{
    /// <summary>Summarises per-batch wall times (ms); per-image figures divide by the batch size.</summary>
    public static LatencyCell From(string model, int side, int batch, int threads, IReadOnlyList<double> batchMs, double? load1)
    {
        var sorted = batchMs.Order().ToArray();
        var median = Quantiles.Of(sorted, 0.5);
        return new LatencyCell(model, side, batch, threads, sorted.Length, median / batch, Quantiles.Of(sorted, 0.9) / batch,
            batch * 1000 / median, load1);
    }
}

using RetrievalService.Bench.Latency;

namespace RetrievalService.TrainBench;

/// <summary>Per-step times of one thread count; percentiles interpolate linearly (NumPy's default), as the Python side does.</summary>
internal sealed record StepStatistics(int Threads, int Steps, double MedianMs, double P10Ms, double P90Ms, double MeanMs,
    double ImagesPerSecond, double FinalLoss, IReadOnlyList<double> StepMs)
{
    public static StepStatistics From(int threads, int batch, IReadOnlyList<double> stepMs, double finalLoss)
    {
        var sorted = stepMs.Order().ToArray();
        var median = Quantiles.Of(sorted, 0.5);
        return new StepStatistics(threads, sorted.Length, median, Quantiles.Of(sorted, 0.1), Quantiles.Of(sorted, 0.9), sorted.Average(),
            batch / (median / 1000), finalLoss, stepMs);
    }
}

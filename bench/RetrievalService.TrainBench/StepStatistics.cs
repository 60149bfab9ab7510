namespace RetrievalService.TrainBench;

/// <summary>Per-step times of one thread count; percentiles interpolate linearly (NumPy's default), as the Python side does.</summary>
internal sealed record StepStatistics(int Threads, int Steps, double MedianMs, double P10Ms, double P90Ms, double MeanMs,
    double ImagesPerSecond, double FinalLoss, IReadOnlyList<double> StepMs)
{
    public static StepStatistics From(int threads, int batch, IReadOnlyList<double> stepMs, double finalLoss)
    {
        var sorted = stepMs.Order().ToArray();
        var median = Quantile(sorted, 0.5);
        return new StepStatistics(threads, sorted.Length, median, Quantile(sorted, 0.1), Quantile(sorted, 0.9), sorted.Average(),
            batch / (median / 1000), finalLoss, stepMs);
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}

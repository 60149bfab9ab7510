namespace RetrievalService.Bench.Latency;

/// <summary>
/// Quantiles of an ascending array by linear interpolation between closest ranks (NumPy's default), so the C# benches
/// and the Python side of bench/train-step report the same statistic. The train-step bench compiles this file too.
/// </summary>
internal static class Quantiles
{
    public static double Of(double[] sorted, double q)
    {
        var rank = q * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }
}

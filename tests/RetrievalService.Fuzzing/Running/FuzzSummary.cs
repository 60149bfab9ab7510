namespace RetrievalService.Fuzzing.Running;

/// <summary>Aggregates of a fuzz run: outcome counts, cost percentiles, the slowest inputs and every finding.</summary>
public sealed record FuzzSummary(
    long Inputs,
    IReadOnlyDictionary<string, long> Outcomes,
    double MaxMilliseconds,
    double P99Milliseconds,
    double MedianMilliseconds,
    long MaxAllocatedBytes,
    long? MaxRssGrowthBytes,
    long? PeakRssBytes,
    IReadOnlyList<InputResult> Slowest,
    IReadOnlyList<(InputResult Result, string Why)> Findings)
{
    public long Failures => Findings.Count(f => f.Result.Outcome is Outcome.Failed or Outcome.Crashed or Outcome.Hung);

    public static FuzzSummary Of(IReadOnlyCollection<InputResult> results, SuspectThresholds thresholds, int slowest = 10)
    {
        var times = results.Select(r => r.Milliseconds).Order().ToArray();
        var outcomes = results
            .GroupBy(r => r.Outcome == Outcome.Rejected ? $"rejected: {r.Detail}" : r.Outcome == Outcome.Decoded ? "decoded" : $"{r.Outcome.ToString().ToLowerInvariant()}: {r.Detail}")
            .OrderByDescending(g => g.LongCount())
            .ToDictionary(g => g.Key, g => g.LongCount());
        var findings = results
            .Select(r => (Result: r, Why: string.Join(", ", thresholds.Breaches(r))))
            .Where(f => f.Why.Length > 0)
            .OrderBy(f => f.Result.Index)
            .ToList();
        return new FuzzSummary(
            results.Count,
            outcomes,
            times.Length == 0 ? 0 : times[^1],
            Percentile(times, 99),
            Percentile(times, 50),
            results.Count == 0 ? 0 : results.Max(r => r.AllocatedBytes),
            results.Max(r => r.RssGrowthBytes),
            results.Max(r => r.PeakRssBytes),
            [.. results.OrderByDescending(r => r.Milliseconds).Take(slowest)],
            findings);
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    private static double Percentile(double[] sorted, double percentile)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

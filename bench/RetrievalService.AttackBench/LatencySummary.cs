using RetrievalService.SearchBench;

namespace RetrievalService.AttackBench;

/// <summary>Count and nearest-rank percentiles of a set of latencies; null percentiles when there are none (JSON has no NaN).</summary>
internal sealed record LatencySummary(int Count, double? P50Ms, double? P99Ms, double? MaxMs)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var samples = milliseconds.ToList();
        return samples.Count == 0
            ? new LatencySummary(0, null, null, null)
            : new LatencySummary(samples.Count, Percentiles.Of(samples, 50), Percentiles.Of(samples, 99), samples.Max());
    }
}

/// <summary>What a batch of well-behaved searches got: every status, and the latencies of the 200s and of the 503s apart.</summary>
internal sealed record SearchOutcome(double Seconds, int Requests, IReadOnlyDictionary<string, int> StatusCounts, LatencySummary Ok, LatencySummary Saturated, double OkPerSecond)
{
    public static SearchOutcome Of(IReadOnlyList<SearchSample> samples, double seconds) => new(
        seconds,
        samples.Count,
        samples.GroupBy(s => s.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key < 0 ? "no-answer" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.Count()),
        LatencySummary.Of(samples.Where(s => s.Status == 200).Select(s => s.Milliseconds)),
        LatencySummary.Of(samples.Where(s => s.Status == 503).Select(s => s.Milliseconds)),
        samples.Count(s => s.Status == 200) / seconds);

    public int Count(int status) => StatusCounts.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public int NotOk => Requests - Count(200);
}

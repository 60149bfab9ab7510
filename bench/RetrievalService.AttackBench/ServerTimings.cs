using System.Globalization;
using System.Text.RegularExpressions;

namespace RetrievalService.AttackBench;

/// <summary>
/// The server's own view of <c>POST /search</c> durations, from the Prometheus histogram
/// <c>http_server_request_duration_seconds</c> (Kestrel's clock, from the request's start to its end): read before and after
/// a run, the difference of sum and count per status is the mean the server measured. Set beside the client's latencies it tells
/// time spent in the service from time spent in the client, the connection pool and the network.
/// </summary>
internal static partial class ServerTimings
{
    public sealed record Snapshot(IReadOnlyDictionary<string, (double Sum, long Count)> ByStatus);

    /// <summary>Count and mean server-side duration of one status's searches during a run.</summary>
    public sealed record MeanByStatus(string Status, long Count, double MeanMs);

    public static async Task<Snapshot?> ReadAsync(HttpClient client)
    {
        try
        {
            var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            var byStatus = new Dictionary<string, (double Sum, long Count)>();
            foreach (Match m in SearchSeries().Matches(text))
            {
                var status = StatusLabel().Match(m.Groups["labels"].Value).Groups[1].Value;
                var value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
                var (sum, count) = byStatus.GetValueOrDefault(status);
                byStatus[status] = m.Groups["kind"].Value == "sum" ? (sum + value, count) : (sum, count + (long)value);
            }
            return new Snapshot(byStatus);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The searches between two snapshots, per status; null when /metrics could not be read.</summary>
    public static IReadOnlyList<MeanByStatus>? Difference(Snapshot? before, Snapshot? after)
    {
        if (before is null || after is null)
        {
            return null;
        }
        return [.. after.ByStatus
            .Select(p => (p.Key, Sum: p.Value.Sum - before.ByStatus.GetValueOrDefault(p.Key).Sum, Count: p.Value.Count - before.ByStatus.GetValueOrDefault(p.Key).Count))
            .Where(d => d.Count > 0)
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new MeanByStatus(d.Key, d.Count, 1000 * d.Sum / d.Count))];
    }

    [GeneratedRegex("""^http_server_request_duration_seconds_(?<kind>sum|count)\{(?<labels>[^}]*http_route="/search/?"[^}]*)\} (?<value>[0-9.eE+-]+)""", RegexOptions.Multiline)]
    private static partial Regex SearchSeries();

    [GeneratedRegex(@"http_response_status_code=""(\d+)""")]
    private static partial Regex StatusLabel();
}

using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using RetrievalService.StoreBench;

namespace RetrievalService.ScaleBench;

/// <summary>Closed loop: <c>concurrency</c> workers each post query vectors back to back (cycling through them) for a fixed time.</summary>
internal static class VectorLoad
{
    public sealed record Result(int Ok, int Failed, double Seconds, double P50Ms, double P99Ms, double ServerSearchP50Ms);

    public static async Task<Result> RunAsync(HttpClient client, IReadOnlyList<float[]> queries, int k, int concurrency, TimeSpan duration)
    {
        // Serialised once: the client shares the machine's cores with the API and the database.
        var bodies = queries.Select(q => JsonSerializer.Serialize(new { embedding = q, k })).ToArray();
        var latencies = new List<double>[concurrency];
        var searches = new List<double>[concurrency];
        var failed = 0;
        var uri = new Uri("/search", UriKind.Relative);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            searches[w] = [];
            for (var n = w; clock.Elapsed < duration; n += concurrency)
            {
                using var content = new StringContent(bodies[n % bodies.Length], Encoding.UTF8, "application/json");
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(uri, content);
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failed);
                    continue;
                }
                latencies[w].Add(elapsed);
                using var json = JsonDocument.Parse(body);
                searches[w].Add(json.RootElement.GetProperty("timings").GetProperty("searchMs").GetDouble());
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).ToList();
        return new Result(all.Count, failed, clock.Elapsed.TotalSeconds, Percentiles.Of(all, 50), Percentiles.Of(all, 99),
            Percentiles.Of(searches.SelectMany(s => s).ToList(), 50));
    }
}

using System.Diagnostics;

namespace RetrievalService.AttackBench;

/// <summary>Closed-loop load: each of <c>clients</c> workers searches back to back, with no pause, until the time is up.</summary>
internal static class ClosedLoop
{
    public static async Task<List<SearchSample>> RunAsync(SearchClient client, int clients, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var samples = new List<SearchSample>();
            while (clock.Elapsed < duration)
            {
                samples.Add(await client.SearchAsync(clock, CancellationToken.None));
            }
            return samples;
        })));
        return [.. perWorker.SelectMany(s => s).OrderBy(s => s.StartedAtSeconds)];
    }
}

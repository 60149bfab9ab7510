using System.Diagnostics;
using RetrievalService.Storage;
using RetrievalService.Storage.Model;
using RetrievalService.StoreBench;

namespace RetrievalService.ScaleBench;

/// <summary>Recall@k of the store's HNSW search against the exact answer, one query at a time, with its latency.</summary>
internal static class RecallRun
{
    public sealed record Row(double Recall, double P50Ms, double P99Ms);

    public static async Task<Row> RunAsync(GalleryStore store, string modelId, IReadOnlyList<float[]> queries,
        int[][] truth, IReadOnlyList<string> ids, int k, int efSearch)
    {
        foreach (var query in queries.Take(10))
        {
            await store.SearchAsync(new SearchRequest(modelId, query, k) { EfSearch = efSearch });
        }
        var latencies = new List<double>(queries.Count);
        var found = 0;
        for (var q = 0; q < queries.Count; q++)
        {
            var expected = truth[q].Select(i => ids[i]).ToHashSet(StringComparer.Ordinal);
            var watch = Stopwatch.StartNew();
            var hits = await store.SearchAsync(new SearchRequest(modelId, queries[q], k) { EfSearch = efSearch });
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            found += hits.Count(h => expected.Contains(h.Id));
        }
        return new Row(found / (double)(k * queries.Count), Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99));
    }
}

using System.Diagnostics;
using RetrievalService.Storage;
using RetrievalService.Storage.Model;

namespace RetrievalService.StoreBench;

/// <summary>k-NN latency (one query at a time, after a warm-up) and recall@k against the exact answer.</summary>
internal static class SearchBench
{
    public sealed record Row(string Mode, double P50Ms, double P99Ms, double MeanMs, double Recall);

    public static async Task<Row> RunAsync(GalleryStore store, string modelId, float[][] queries, int[][] truth,
        string[] ids, int k, int? efSearch, bool exact)
    {
        var expected = truth.Select(t => t.Select(i => ids[i]).ToHashSet(StringComparer.Ordinal)).ToArray();
        foreach (var query in queries.Take(10))
        {
            await store.SearchAsync(new SearchRequest(modelId, query, k) { EfSearch = efSearch, Exact = exact });
        }
        var latencies = new List<double>(queries.Length);
        var recall = 0.0;
        for (var q = 0; q < queries.Length; q++)
        {
            var watch = Stopwatch.StartNew();
            var hits = await store.SearchAsync(new SearchRequest(modelId, queries[q], k) { EfSearch = efSearch, Exact = exact });
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            recall += hits.Count(h => expected[q].Contains(h.Id)) / (double)k;
        }
        var mode = exact ? "exact scan" : $"HNSW ef_search={efSearch}";
        return new Row(mode, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), latencies.Average(), recall / queries.Length);
    }
}

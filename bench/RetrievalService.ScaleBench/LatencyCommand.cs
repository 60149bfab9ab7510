using System.Globalization;
using System.Net.Http.Headers;

namespace RetrievalService.ScaleBench;

/// <summary>
/// <c>scale-bench latency</c>: closed-loop <c>POST /search</c> by query vector against a running API, at each
/// concurrency, with the CPU time the API and each named database node spent per answered query. One Markdown row per
/// concurrency on stdout (the header with <c>--header true</c>).
/// </summary>
internal static class LatencyCommand
{
    public static async Task RunAsync(ScaleSettings settings)
    {
        var invariant = CultureInfo.InvariantCulture;
        var queries = await QueryFile.ReadAsync(settings.Text("queries", "scale-queries.json"));
        var key = (await File.ReadAllTextAsync(settings.Text("key-file", ""))).Trim();
        var label = settings.Text("label", "primary");
        // The API's GalleryStore:EfSearch, set where it was started; here only to label the rows.
        var efSearch = settings.Text("ef-search", "100");
        var duration = TimeSpan.FromSeconds(settings.Int("duration", 20));
        var warmup = TimeSpan.FromSeconds(settings.Int("warmup", 3));
        var k = settings.Int("k", 10);
        var apiPid = settings.Int("api-pid", 0);
        var nodes = settings.All("node").Select(n => n.Split('=')).Select(p => (Name: p[0], Pid: int.Parse(p[1], invariant))).ToList();
        using var client = new HttpClient { BaseAddress = new Uri(settings.Text("url", "http://127.0.0.1:5097")), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        if (settings.Text("header", "false") == "true")
        {
            Console.WriteLine($"| reads from | ef_search | concurrency | queries | queries/s | p50 | p99 | server search p50 | API CPU/query | {string.Join(" | ", nodes.Select(n => $"{n.Name} CPU/query"))} |");
            Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|---:|---:|{string.Concat(nodes.Select(_ => "---:|"))}");
        }
        foreach (var concurrency in settings.Ints("concurrency", "1,4"))
        {
            await VectorLoad.RunAsync(client, queries, k, concurrency, warmup);
            var apiBefore = ProcessCpu.Seconds(apiPid, withChildren: false);
            var nodesBefore = nodes.Select(n => ProcessCpu.Seconds(n.Pid, withChildren: true)).ToArray();
            var result = await VectorLoad.RunAsync(client, queries, k, concurrency, duration);
            var apiMs = (ProcessCpu.Seconds(apiPid, withChildren: false) - apiBefore) * 1000 / result.Ok;
            var nodeMs = nodes.Select((n, i) => (ProcessCpu.Seconds(n.Pid, withChildren: true) - nodesBefore[i]) * 1000 / result.Ok);
            Progress.Say($"{label}, ef_search {efSearch}, concurrency {concurrency}: {result.Ok} ok, {result.Failed} failed, p50 {result.P50Ms:F1} ms");
            Console.WriteLine(string.Create(invariant,
                $"| {label} | {efSearch} | {concurrency} | {result.Ok} | {result.Ok / result.Seconds:F1} | {result.P50Ms:F1} ms | {result.P99Ms:F1} ms | {result.ServerSearchP50Ms:F1} ms | {apiMs:F1} ms | {string.Join(" | ", nodeMs.Select(ms => ms.ToString("F1", invariant) + " ms"))} |"));
            if (result.Failed > 0)
            {
                throw new InvalidOperationException($"{result.Failed} searches failed ({label}, concurrency {concurrency}); see the API's log.");
            }
        }
    }
}

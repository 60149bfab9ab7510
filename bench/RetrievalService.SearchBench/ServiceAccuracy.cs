using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Metrics;

namespace RetrievalService.SearchBench;

/// <summary>
/// <c>search-bench accuracy</c>: the revisited protocol's mAP of the running service on a dataset. The gallery goes in
/// through <c>POST /index</c> (the teacher embeds it, as for an operator), every query through <c>POST /search</c>
/// with k = the gallery size, and the answers' rankings are scored by the evaluator's own code. What the evaluator
/// reports offline (exact search over cached vectors) should be what a client gets (HNSW in pgvector, the service's
/// decoding, its query expansion): this measures the difference.
/// </summary>
internal static class ServiceAccuracy
{
    private const int FilesPerIndexRequest = 64;

    public static async Task RunAsync(HttpClient client, string datasetPath, string[] modes, int[] expands, Action<string> progress)
    {
        var dataset = DatasetReader.Read(datasetPath);
        if (dataset.GroundTruth.Any(g => g.Box is not null))
        {
            throw new NotSupportedException($"{dataset.Name}: queries with bounding boxes would have to be cropped first; the service takes whole images.");
        }
        if (dataset.Images.Count > 1000)
        {
            throw new NotSupportedException($"{dataset.Name}: {dataset.Images.Count} gallery images; /search ranks at most 1000, so the protocol's full ranking is out of reach.");
        }
        await IndexGalleryAsync(client, dataset, progress);
        Console.WriteLine("| dataset | mode | expand | Easy mAP | Medium mAP | Hard mAP | queries |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var mode in modes)
        {
            foreach (var expand in expands)
            {
                var rankings = new int[dataset.Queries.Count][];
                for (var q = 0; q < rankings.Length; q++)
                {
                    rankings[q] = await RankAsync(client, dataset, q, mode, expand);
                }
                var metrics = RevisitedEvaluation.Evaluate(rankings, dataset.GroundTruth);
                var row = string.Create(CultureInfo.InvariantCulture,
                    $"| {dataset.Name} | {mode} | {expand} | {100 * metrics.Easy.MeanAveragePrecision:0.00} | {100 * metrics.Medium.MeanAveragePrecision:0.00} | {100 * metrics.Hard.MeanAveragePrecision:0.00} | {rankings.Length} |");
                progress(row);
                Console.WriteLine(row);
            }
        }
    }

    // Ids are the gallery indices, so a ranking of ids is a ranking of indices; re-indexing is idempotent.
    private static async Task IndexGalleryAsync(HttpClient client, RetrievalDataset dataset, Action<string> progress)
    {
        for (var start = 0; start < dataset.Images.Count; start += FilesPerIndexRequest)
        {
            var indices = Enumerable.Range(start, Math.Min(FilesPerIndexRequest, dataset.Images.Count - start)).ToList();
            using var form = new MultipartFormDataContent();
            foreach (var i in indices)
            {
                var file = new ByteArrayContent(await File.ReadAllBytesAsync(dataset.ImagePath(i)));
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, "files", Path.GetFileName(dataset.Images[i]));
            }
            form.Add(new StringContent(JsonSerializer.Serialize(indices.Select(Id))), "ids");
            using var response = await client.PostAsync(new Uri("/index", UriKind.Relative), form);
            var body = await response.Content.ReadAsStringAsync();
            // A rejected image would silently leave the gallery short, and every query's AP with it.
            if (!response.IsSuccessStatusCode || Rejected(body) > 0)
            {
                throw new InvalidOperationException($"/index answered {(int)response.StatusCode} for images {start}..{indices[^1]}: {body[..Math.Min(400, body.Length)]}");
            }
        }
        progress($"{dataset.Name}: {dataset.Images.Count} gallery images indexed through /index");
    }

    private static async Task<int[]> RankAsync(HttpClient client, RetrievalDataset dataset, int query, string mode, int expand)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(dataset.QueryPath(query)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"/search?k={dataset.Images.Count}&mode={mode}&expand={expand}"), UriKind.Relative);
        using var response = await client.PostAsync(uri, content);
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ranked = answer.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => int.Parse(r.GetProperty("id").GetString()!, CultureInfo.InvariantCulture)).ToList();
        // HNSW may return fewer than k; the protocol needs every gallery image ranked, so the rest follow in index order.
        var seen = ranked.ToHashSet();
        return [.. ranked, .. Enumerable.Range(0, dataset.Images.Count).Where(i => !seen.Contains(i))];
    }

    private static int Rejected(string indexResponse)
    {
        using var document = JsonDocument.Parse(indexResponse);
        return document.RootElement.GetProperty("rejected").GetInt32();
    }

    private static string Id(int index) => index.ToString("D5", CultureInfo.InvariantCulture);
}

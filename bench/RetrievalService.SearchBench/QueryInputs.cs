using System.Globalization;
using System.Net.Http.Json;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.SearchBench;

/// <summary>
/// <c>search-bench inputs</c>: the same search asked three ways, at one gallery size: a query vector computed by the
/// client (only the database query is left to the server), a small photo, and a large camera-size photo (decode and
/// embedding on the server). The vector is the default query model's, of the small photo.
/// </summary>
internal static class QueryInputs
{
    public static async Task<IReadOnlyList<(string Input, LoadGenerator.Result Result)>> RunAsync(
        HttpClient client, string repoRoot, string smallPath, string largePath, int k, int[] concurrencies, TimeSpan duration, TimeSpan warmup,
        Action<string> progress)
    {
        var small = await File.ReadAllBytesAsync(smallPath);
        var large = await File.ReadAllBytesAsync(largePath);
        var model = new ModelsOptions().Student;
        float[] vector;
        using (var embedder = OnnxEmbedder.Load(ModelsOptions.ManifestPath(Path.Combine(repoRoot, "models"), model), new InferenceOptions { IntraOpThreads = 1 }))
        {
            vector = new ImageEmbedder(new ImagePipeline(new ImageDecodeLimits()), embedder).Embed(small).Vector;
        }
        (string Name, Func<HttpContent> Body)[] inputs =
        [
            ($"vector ({model}, {vector.Length} floats as JSON)", () => JsonContent.Create(new { model, embedding = vector })),
            ($"small photo ({Describe(smallPath, small)})", () => LoadGenerator.PhotoForm(small, Path.GetFileName(smallPath))),
            ($"large photo ({Describe(largePath, large)})", () => LoadGenerator.PhotoForm(large, Path.GetFileName(largePath))),
        ];
        var results = new List<(string, LoadGenerator.Result)>();
        foreach (var (name, body) in inputs)
        {
            progress($"inputs: warm-up {name}");
            await LoadGenerator.RunAsync(client, body, "asymmetric", k, 0, 4, warmup);
            foreach (var concurrency in concurrencies)
            {
                var result = await LoadGenerator.RunAsync(client, body, "asymmetric", k, 0, concurrency, duration);
                progress(string.Create(CultureInfo.InvariantCulture, $"inputs: {name} c={concurrency}: ok={result.Ok} p50={result.P50Ms:F1} p99={result.P99Ms:F1}"));
                results.Add((name, result));
            }
        }
        return results;
    }

    private static string Describe(string path, byte[] bytes)
    {
        using var info = SkiaSharp.SKCodec.Create(new MemoryStream(bytes));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)}, {info.Info.Width}×{info.Info.Height} = {info.Info.Width * (double)info.Info.Height / 1e6:F1} MP, {bytes.Length / 1048576.0:F1} MiB");
    }
}

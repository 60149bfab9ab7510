using System.Net.Http.Headers;
using System.Net.Http.Json;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Samples.OnDeviceSearch;

/// <summary>
/// What an app does to search with a model of its own: ask the API which query model to run, download it once (kept by
/// its SHA-256), prepare the photo exactly as the server would (the same <see cref="ImagePipeline"/>), embed it, and send
/// only the vector. Prints the API's answer.
/// </summary>
public static class OnDeviceSearch
{
    /// <summary>Runs the sample; <paramref name="handler"/> replaces the network (tests pass the test server's).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!Options.TryParse(args, out var options, out var problem))
        {
            errors.WriteLine($"on-device-search: {problem}");
            errors.WriteLine("usage: on-device-search --url <api> --key <key> [--model <id>] [--k 5] [--cache <dir>] <photo>");
            return 2;
        }
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = options.Url;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Key);
        var manifestPath = await ModelDownload.EnsureAsync(http, options.Model, options.Cache);
        using var model = OnnxEmbedder.Load(manifestPath, new InferenceOptions { IntraOpThreads = 1 });
        var embedding = new ImageEmbedder(new ImagePipeline(new ImageDecodeLimits()), model).Embed(await File.ReadAllBytesAsync(options.Photo));
        using var response = await http.PostAsJsonAsync("/search", new { model = model.Manifest.Id, embedding = embedding.Vector, k = options.K });
        var body = await response.Content.ReadAsStringAsync();
        (response.IsSuccessStatusCode ? output : errors).WriteLine(body);
        return response.IsSuccessStatusCode ? 0 : 1;
    }

    private sealed record Options(Uri Url, string Key, string? Model, int K, string Cache, string Photo)
    {
        public static bool TryParse(string[] args, out Options options, out string problem)
        {
            string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            options = null!;
            problem = "";
            var photo = args.Length > 0 && !args[^1].StartsWith("--", StringComparison.Ordinal) ? args[^1] : null;
            if (Value("--url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || Value("--key") is not { } key || photo is null)
            {
                problem = "--url, --key and a photo are required.";
                return false;
            }
            var cache = Value("--cache") ?? Path.Combine(Path.GetTempPath(), "on-device-search");
            options = new Options(uri, key, Value("--model"), int.Parse(Value("--k") ?? "5", System.Globalization.CultureInfo.InvariantCulture), cache, photo);
            return true;
        }
    }
}

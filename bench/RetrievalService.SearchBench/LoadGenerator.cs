using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace RetrievalService.SearchBench;

/// <summary>Closed-loop load: <c>concurrency</c> workers each post a query back to back for a fixed time.</summary>
internal static class LoadGenerator
{
    public sealed record Result(
        string Mode, int Expand, int Concurrency, double Seconds, int Ok, int Saturated, int OtherErrors,
        double P50Ms, double P99Ms, double OkPerSecond, double ServerDecodeP50Ms, double ServerEmbedP50Ms, double ServerSearchP50Ms,
        IReadOnlyDictionary<int, int> StatusCodes);

    public static Task<Result> RunAsync(
        HttpClient client, byte[] image, string fileName, string mode, int k, int expand, int concurrency, TimeSpan duration) =>
        RunAsync(client, () => PhotoForm(image, fileName), mode, k, expand, concurrency, duration);

    /// <summary>The multipart body of a photo query.</summary>
    public static HttpContent PhotoForm(byte[] image, string fileName)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg");
        content.Add(file, "image", fileName);
        return content;
    }

    /// <summary>Posts <paramref name="request"/>'s contents (a photo form, or a JSON query vector) back to back.</summary>
    public static async Task<Result> RunAsync(
        HttpClient client, Func<HttpContent> request, string mode, int k, int expand, int concurrency, TimeSpan duration)
    {
        var latencies = new List<double>[concurrency];
        var decode = new List<double>[concurrency];
        var embed = new List<double>[concurrency];
        var search = new List<double>[concurrency];
        var codes = new Dictionary<int, int>[concurrency];
        var uri = new Uri($"/search?k={k}&mode={mode}&expand={expand}", UriKind.Relative);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            decode[w] = [];
            embed[w] = [];
            search[w] = [];
            codes[w] = [];
            while (clock.Elapsed < duration)
            {
                using var content = request();
                var start = Stopwatch.GetTimestamp();
                int code;
                string? body = null;
                try
                {
                    using var response = await client.PostAsync(uri, content);
                    body = await response.Content.ReadAsStringAsync();
                    code = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    code = -1;
                }
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                codes[w][code] = codes[w].GetValueOrDefault(code) + 1;
                if (code == (int)HttpStatusCode.OK && body is not null)
                {
                    latencies[w].Add(elapsed);
                    using var json = JsonDocument.Parse(body);
                    if (json.RootElement.TryGetProperty("timings", out var timings))
                    {
                        decode[w].Add(timings.GetProperty("decodeMs").GetDouble());
                        embed[w].Add(timings.GetProperty("embedMs").GetDouble());
                        search[w].Add(timings.GetProperty("searchMs").GetDouble());
                    }
                }
                else if (code == (int)HttpStatusCode.ServiceUnavailable)
                {
                    // Honour the server's back-off a little so a saturated server is not hammered in a tight loop.
                    await Task.Delay(50);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        var merged = codes.SelectMany(c => c).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        var saturated = merged.GetValueOrDefault((int)HttpStatusCode.ServiceUnavailable);
        var other = merged.Where(p => p.Key != 200 && p.Key != 503).Sum(p => p.Value);
        return new Result(mode, expand, concurrency, seconds, all.Count, saturated, other,
            Percentiles.Of(all, 50), Percentiles.Of(all, 99), all.Count / seconds,
            Percentiles.Of(decode.SelectMany(d => d).ToList(), 50), Percentiles.Of(embed.SelectMany(e => e).ToList(), 50), Percentiles.Of(search.SelectMany(s => s).ToList(), 50),
            merged);
    }
}

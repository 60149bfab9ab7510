using System.Diagnostics;
using System.Net.Http.Headers;

namespace RetrievalService.AttackBench;

/// <summary>One image at one concurrency: the API's peak RSS and what each request added to it over the baseline.</summary>
internal sealed record MemoryLevel(string Image, long ImageBytes, int Concurrency, int Requests, int Ok, long PeakKiB, double PerRequestMiB);

/// <summary>The memory scenario's results: the idle baseline, every level, and the largest per-request cost seen.</summary>
internal sealed record MemoryReport(long BaselineKiB, IReadOnlyList<MemoryLevel> Levels, double PerRequestPeakMiB);

/// <summary>
/// What one request costs in memory at the image limits: the API's VmHWM is reset, then <c>c</c> clients send the same
/// worst-case image <c>rounds</c> times at once; (peak − baseline) / c is the cost per request. The baseline is the peak
/// of a normal search just before. Feeds <c>Api:Limits:BaselineMb</c> and <c>PerRequestPeakMb</c>.
/// </summary>
internal static class MemoryScenario
{
    private static readonly int[] Concurrencies = [1, 2, 4];
    private const int Rounds = 3;

    public static async Task<MemoryReport> RunAsync(BenchSettings settings, SearchClient normal, ApiProcessMemory memory, Action<string> progress)
    {
        progress("memory: encoding the worst-case images");
        // One image per API process gives clean numbers: the runtime keeps part of what one image's decodes grew.
        var images = WorstCaseImages.Create().Where(i => settings.MemoryImage is null || i.Name == settings.MemoryImage).ToList();
        if (images.Count == 0)
        {
            throw new ArgumentException($"--memory-image {settings.MemoryImage}: no such image (png-16mp, jpeg-256mp, jpeg-12mp)");
        }
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { BaseAddress = settings.Url, Timeout = TimeSpan.FromMinutes(5) };
        if (settings.ApiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }
        memory.ResetPeak();
        await normal.SearchAsync(Stopwatch.StartNew(), CancellationToken.None);
        var baseline = memory.PeakRssKiB() ?? throw new InvalidOperationException("cannot read the API's memory");
        progress($"memory: baseline {baseline / 1024} MiB");
        var levels = new List<MemoryLevel>();
        foreach (var image in images)
        {
            foreach (var concurrency in Concurrencies)
            {
                memory.ResetPeak();
                var statuses = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => SendRoundsAsync(http, image)));
                var peak = memory.PeakRssKiB() ?? 0;
                var ok = statuses.SelectMany(s => s).Count(s => s == 200);
                var level = new MemoryLevel(image.Name, image.Bytes.Length, concurrency, concurrency * Rounds, ok, peak, (peak - baseline) / 1024.0 / concurrency);
                progress($"memory: {image.Name} ×{concurrency}: peak {peak / 1024} MiB, {level.PerRequestMiB:F0} MiB per request, {ok}/{level.Requests} ok");
                levels.Add(level);
            }
        }
        return new MemoryReport(baseline, levels, levels.Max(l => l.PerRequestMiB));
    }

    private static async Task<List<int>> SendRoundsAsync(HttpClient http, WorstCaseImage image)
    {
        var statuses = new List<int>();
        for (var i = 0; i < Rounds; i++)
        {
            using var content = new ByteArrayContent(image.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(image.MediaType);
            using var response = await http.PostAsync(new Uri("/search?k=10", UriKind.Relative), content);
            statuses.Add((int)response.StatusCode);
        }
        return statuses;
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;

namespace RetrievalService.AttackBench;

/// <summary>One answer to a well-behaved search: its status (-1: no answer, the connection failed), its latency and when it started.</summary>
internal readonly record struct SearchSample(int Status, double Milliseconds, double StartedAtSeconds);

/// <summary>Well-behaved clients: multipart <c>POST /search</c> of a real photo, with the API key when there is one.</summary>
internal sealed class SearchClient : IDisposable
{
    private readonly HttpClient client;
    private readonly byte[] image;
    private readonly string fileName;
    private readonly string mediaType;

    public SearchClient(BenchSettings settings, int connections)
    {
        // Enough pooled connections that no client waits for another's; the service, not the pool, must be the queue.
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(connections, 2), PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        client = new HttpClient(handler) { BaseAddress = settings.Url, Timeout = TimeSpan.FromSeconds(120) };
        if (settings.ApiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }
        image = File.ReadAllBytes(settings.QueryPath);
        fileName = Path.GetFileName(settings.QueryPath);
        mediaType = MediaTypeOf(fileName);
    }

    public HttpClient Http => client;

    public async Task<SearchSample> SearchAsync(Stopwatch clock, CancellationToken ct)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        content.Add(file, "image", fileName);
        var startedAt = clock.Elapsed.TotalSeconds;
        var start = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var response = await client.PostAsync(new Uri("/search?k=10", UriKind.Relative), content, ct);
            // The latency a client sees includes reading the answer.
            await response.Content.ReadAsByteArrayAsync(ct);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = -1;
        }
        return new SearchSample(status, Stopwatch.GetElapsedTime(start).TotalMilliseconds, startedAt);
    }

    public static string MediaTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".bmp" => "image/bmp",
        _ => "application/octet-stream",
    };

    public void Dispose() => client.Dispose();
}

using System.Net.Http.Headers;
using System.Text.Json;

namespace RetrievalService.AttackBench;

/// <summary>Fills the gallery through <c>POST /index</c> (idempotent: a rerun finds the images unchanged), so searches have something to find.</summary>
internal static class GalleryIndexer
{
    private const int FilesPerRequest = 8;

    public static async Task<(int Stored, int Unchanged, int Rejected)> IndexAsync(HttpClient client, string folder, int count, Action<string> progress)
    {
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png")
            .Order(StringComparer.Ordinal).Take(count).ToList();
        int stored = 0, unchanged = 0, rejected = 0;
        foreach (var batch in files.Chunk(FilesPerRequest))
        {
            using var form = new MultipartFormDataContent();
            foreach (var path in batch)
            {
                var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
                file.Headers.ContentType = new MediaTypeHeaderValue(SearchClient.MediaTypeOf(path));
                form.Add(file, "files", Path.GetFileName(path));
            }
            using var response = await client.PostAsync(new Uri("/index", UriKind.Relative), form);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"/index answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
            }
            using var json = JsonDocument.Parse(body);
            stored += json.RootElement.GetProperty("stored").GetInt32();
            unchanged += json.RootElement.GetProperty("unchanged").GetInt32();
            rejected += json.RootElement.GetProperty("rejected").GetInt32();
        }
        progress($"indexed {files.Count} images from {Path.GetFileName(folder)}: {stored} stored, {unchanged} unchanged, {rejected} rejected");
        return (stored, unchanged, rejected);
    }
}

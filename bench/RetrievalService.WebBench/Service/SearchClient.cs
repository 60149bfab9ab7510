using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetrievalService.WebBench.Service;

/// <summary>The first result of a search and the server's own timings of it (0 for a search by vector).</summary>
internal sealed record SearchAnswer(string? FirstId, double FirstScore, double SecondScore, double DecodeMs, double EmbedMs);

/// <summary>POST /search by photo (the server decodes and embeds) and by vector (the device did), with the bench's key.</summary>
internal sealed class SearchClient : IDisposable
{
    private readonly HttpClient http;

    public SearchClient(Uri url, string key)
    {
        http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <summary>A search by photo with query model <paramref name="model"/>, or the server's default one when null.</summary>
    public async Task<SearchAnswer> ByPhotoAsync(byte[] photo, string fileName, string mediaType, string? model, int k)
    {
        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(photo);
        image.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(image, "image", fileName);
        var path = string.Create(CultureInfo.InvariantCulture, $"/search?k={k}");
        if (model is not null)
        {
            path += "&model=" + Uri.EscapeDataString(model);
        }
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), form);
        return await ReadAsync(response);
    }

    public async Task<SearchAnswer> ByVectorAsync(float[] embedding, string model, int k)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/search", UriKind.Relative), new { model, embedding, k });
        return await ReadAsync(response);
    }

    public void Dispose() => http.Dispose();

    private static async Task<SearchAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"/search answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        }
        using var json = JsonDocument.Parse(body);
        var results = json.RootElement.GetProperty("results");
        var timings = json.RootElement.GetProperty("timings");
        double Score(int i) => results.GetArrayLength() > i ? results[i].GetProperty("score").GetDouble() : double.NaN;
        return new SearchAnswer(
            results.GetArrayLength() > 0 ? results[0].GetProperty("id").GetString() : null,
            Score(0),
            Score(1),
            timings.GetProperty("decodeMs").GetDouble(),
            timings.GetProperty("embedMs").GetDouble());
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>Builds the requests the API expects, and a few it must refuse.</summary>
internal static class Requests
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static MultipartFormDataContent SearchForm(byte[] image, string field = "image", string fileName = "query.jpg")
    {
        var form = new MultipartFormDataContent();
        form.Add(File(image), field, fileName);
        return form;
    }

    public static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static MultipartFormDataContent IndexForm(IEnumerable<(string FileName, byte[] Bytes)> files, string[]? ids = null, string? metadata = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            form.Add(File(bytes), "files", name);
        }
        if (ids is not null)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(ids)), "ids");
        }
        if (metadata is not null)
        {
            form.Add(new StringContent(metadata), "metadata");
        }
        return form;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static Task<HttpResponseMessage> SearchAsync(HttpClient client, byte[] image, string query = "") =>
        client.PostAsync("/search" + query, SearchForm(image));

    private static ByteArrayContent File(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    public static JsonContent AsJson<T>(T value) => JsonContent.Create(value);
}

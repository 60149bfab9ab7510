using System.Net.Http.Headers;
using System.Text;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary>Request builders shared by the corpus files.</summary>
internal static class Send
{
    public static HttpRequestMessage Search(HttpContent? content, string query = "") =>
        new(HttpMethod.Post, "/search" + query) { Content = content };

    public static HttpRequestMessage Index(HttpContent? content) => new(HttpMethod.Post, "/index") { Content = content };

    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    /// <summary>A body whose Content-Type header is sent as given, without .NET's validation (which refuses most mistakes).</summary>
    public static ByteArrayContent WithRawContentType(byte[] body, params string[] contentTypes)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = null;
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentTypes));
        return content;
    }

    /// <summary>A multipart/form-data body written by hand: <paramref name="parts"/> as given, framing as given.</summary>
    public static ByteArrayContent HandWrittenMultipart(string contentType, params object[] parts) =>
        WithRawContentType(parts.SelectMany(p => p as byte[] ?? Encoding.UTF8.GetBytes((string)p)).ToArray(), contentType);

    /// <summary>A body of unknown length (sent chunked, so the server cannot refuse it from Content-Length).</summary>
    public static StreamContent Chunked(byte[] body, string contentType)
    {
        var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static MultipartFormDataContent WithText(this MultipartFormDataContent form, string name, string value)
    {
        form.Add(new StringContent(value), name);
        return form;
    }

    public static MultipartFormDataContent WithFile(this MultipartFormDataContent form, string name, byte[] bytes, string fileName = "x.png")
    {
        form.Add(new ByteArrayContent(bytes), name, fileName);
        return form;
    }

    /// <summary>A request with one extra header, added without validation.</summary>
    public static HttpRequestMessage WithHeader(this HttpRequestMessage request, string name, params string[] values)
    {
        Assert.True(request.Headers.TryAddWithoutValidation(name, values));
        return request;
    }
}

using System.Net;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>
/// Bodies sent chunked declare no length, so only the server's running count can refuse them: 413 on real Kestrel, whose
/// own body limit ends the upload, for multipart and raw bodies alike.
/// </summary>
public sealed class ChunkedUploadTests : IAsyncLifetime
{
    private const int BodyBytes = 25 * 1024 * 1024;
    private ApiFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.StartOnKestrelAsync(new Dictionary<string, string?> { ["Api:Limits:MaxSearchRequestBytes"] = (5 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        client = await factory.CreateClientAsync();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_25_mb_chunked_multipart_body_is_413()
    {
        var head = "--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"big.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"u8.ToArray();

        var answer = await PostChunkedAsync("multipart/form-data; boundary=b", head);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"payload-too-large\"", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_25_mb_chunked_raw_body_is_413()
    {
        var answer = await PostChunkedAsync("image/jpeg", []);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"payload-too-large\"", answer, StringComparison.Ordinal);
    }

    private async Task<string> PostChunkedAsync(string contentType, byte[] start)
    {
        using var connection = await RawConnection.PostAsync(client, "/search", contentType, "Transfer-Encoding: chunked");
        return await connection.AnswerWhileSendingAsync(async stop =>
        {
            var chunk = new byte[64 * 1024];
            start.CopyTo(chunk, 0);
            for (var sent = 0; sent < BodyBytes; sent += chunk.Length)
            {
                await connection.SendAsync($"{chunk.Length:x}\r\n", stop);
                await connection.SendAsync(chunk, stop);
                await connection.SendAsync("\r\n", stop);
            }
            await connection.SendAsync("0\r\n\r\n", stop);
        }, TimeSpan.FromSeconds(30));
    }
}

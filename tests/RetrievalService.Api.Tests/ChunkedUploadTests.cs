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
    private Uri server = null!;
    private string authorization = "";

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.CreateAsync(new Dictionary<string, string?> { ["Api:Limits:MaxSearchRequestBytes"] = (5 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        factory.UseKestrel(0);
        factory.StartServer();
        using var keyed = await factory.CreateClientAsync();
        server = keyed.BaseAddress!;
        authorization = keyed.DefaultRequestHeaders.Authorization!.ToString();
    }

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

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

    // A raw connection: the server answers and closes while the body is still going out, which an HTTP client library
    // reports as a failed send instead of showing the answer.
    private async Task<string> PostChunkedAsync(string contentType, byte[] start)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var headers = $"POST /search HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n" +
            $"Authorization: {authorization}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(headers));
        var send = Task.Run(async () =>
        {
            var chunk = new byte[64 * 1024];
            start.CopyTo(chunk, 0);
            for (var sent = 0; sent < BodyBytes; sent += chunk.Length)
            {
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
                await stream.WriteAsync(chunk);
                await stream.WriteAsync("\r\n"u8.ToArray());
            }
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        });
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = new System.Text.StringBuilder();
        var buffer = new char[4096];
        int read;
        while (!answer.ToString().Contains("\"requestId\"", StringComparison.Ordinal) && (read = await reader.ReadAsync(buffer, timeout.Token)) > 0)
        {
            answer.Append(buffer, 0, read);
        }
        // The server may close while the rest of the body is in flight: a broken pipe here is expected.
        await Record.ExceptionAsync(() => send);
        return answer.ToString();
    }
}

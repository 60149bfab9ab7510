using System.Net.Sockets;
using System.Text;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>
/// A POST written by hand on a TCP connection to a real Kestrel: the only way to see an answer the server gives while the
/// body is still going out (an HTTP client library shows none until it has sent everything), and to send a body slowly,
/// in part, or chunked.
/// </summary>
internal sealed class RawConnection : IDisposable
{
    private readonly TcpClient tcp;
    private readonly NetworkStream stream;

    private RawConnection(TcpClient tcp)
    {
        this.tcp = tcp;
        stream = tcp.GetStream();
    }

    /// <summary>Connects to <paramref name="keyed"/>'s server and sends the request head with its key; the body is the caller's.</summary>
    /// <param name="keyed">A client of the server, with its key as default Authorization.</param>
    /// <param name="pathAndQuery">E.g. <c>/search?k=1</c>.</param>
    /// <param name="contentType">The body's Content-Type.</param>
    /// <param name="framing">The length header: <c>Content-Length: N</c> or <c>Transfer-Encoding: chunked</c>.</param>
    public static async Task<RawConnection> PostAsync(HttpClient keyed, string pathAndQuery, string contentType, string framing)
    {
        var server = keyed.BaseAddress!;
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var connection = new RawConnection(tcp);
        await connection.SendAsync($"POST {pathAndQuery} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: {contentType}\r\n{framing}\r\n" +
            $"Authorization: {keyed.DefaultRequestHeaders.Authorization}\r\n\r\n");
        return connection;
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct = default) => stream.WriteAsync(bytes, ct);

    public ValueTask SendAsync(string text, CancellationToken ct = default) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), ct);

    /// <summary>
    /// Runs <paramref name="send"/> (the rest of the body, at whatever pace) while reading the answer, and returns the answer's
    /// text: its status line, headers and ProblemDetails body. The server may close while the body is in flight, so a
    /// failed send is expected and ignored.
    /// </summary>
    public async Task<string> AnswerWhileSendingAsync(Func<CancellationToken, Task> send, TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource();
        var sending = Task.Run(() => send(stop.Token));
        using var wait = new CancellationTokenSource(timeout);
        var answer = new StringBuilder();
        var buffer = new byte[8192];
        int read;
        while (!answer.ToString().Contains("\"requestId\"", StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer, wait.Token)) > 0)
        {
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        await stop.CancelAsync();
        await Record.ExceptionAsync(() => sending);
        return answer.ToString();
    }

    /// <summary>The answer to what was sent so far, the body left unfinished.</summary>
    public Task<string> AnswerAsync(TimeSpan timeout) => AnswerWhileSendingAsync(_ => Task.CompletedTask, timeout);

    public void Dispose() => tcp.Dispose();
}

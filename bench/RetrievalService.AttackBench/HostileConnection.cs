using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace RetrievalService.AttackBench;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AttackMode>))]
internal enum AttackMode
{
    /// <summary>Announces a large body, sends a little of it, then goes quiet with the connection open.</summary>
    Stall,

    /// <summary>Sends a multipart body a few bytes per second, for ever.</summary>
    Trickle,
}

/// <summary>
/// How one hostile connection ended: <c>408</c> (or another status the server answered), <c>closed</c> (the server hung up
/// without an answer), <c>reset</c>, <c>connect-failed</c>, or <c>open-at-end</c> (still holding on when the attack stopped).
/// </summary>
internal sealed record AttackOutcome(AttackMode Mode, string Result, double LifetimeMs, long BodyBytesSent);

/// <summary>One hostile client on a raw socket: HttpClient would never send a body this slowly or stop half way.</summary>
internal static partial class HostileConnection
{
    private const string Boundary = "attack-bench-boundary";

    public static async Task<AttackOutcome> RunAsync(AttackMode mode, BenchSettings settings, byte[] body, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(settings.Url.Host, settings.Url.Port, stop);
        }
        catch (SocketException)
        {
            return new AttackOutcome(mode, "connect-failed", clock.Elapsed.TotalMilliseconds, 0);
        }
        catch (OperationCanceledException)
        {
            return new AttackOutcome(mode, "open-at-end", clock.Elapsed.TotalMilliseconds, 0);
        }
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var declared = mode == AttackMode.Stall ? settings.StallDeclaredBytes : body.Length;
        // Reading runs beside the sending, so an answer sent while the body is still coming in is seen at once.
        var answer = ReadStatusAsync(stream, stop);
        long sent = 0;
        try
        {
            await stream.WriteAsync(Headers(settings, declared), stop);
            if (mode == AttackMode.Stall)
            {
                var part = body.AsMemory(0, Math.Min(settings.StallSentBytes, body.Length));
                await stream.WriteAsync(part, stop);
                sent = part.Length;
            }
            else
            {
                // Two writes a second of half the rate each, so the server sees a steady trickle rather than bursts.
                var chunk = Math.Max(1, settings.TrickleBytesPerSecond / 2);
                while (!answer.IsCompleted && sent < body.Length)
                {
                    var part = body.AsMemory((int)sent, (int)Math.Min(chunk, body.Length - sent));
                    await stream.WriteAsync(part, stop);
                    sent += part.Length;
                    await Task.WhenAny(answer, Task.Delay(500, stop));
                }
            }
            return new AttackOutcome(mode, await answer, clock.Elapsed.TotalMilliseconds, sent);
        }
        catch (OperationCanceledException)
        {
            return new AttackOutcome(mode, "open-at-end", clock.Elapsed.TotalMilliseconds, sent);
        }
        catch (IOException)
        {
            // The server closed while we were writing: its answer, if it sent one first, is the better record.
            var finished = await Task.WhenAny(answer, Task.Delay(1000, CancellationToken.None));
            var result = finished == answer ? await answer : "reset";
            return new AttackOutcome(mode, result, clock.Elapsed.TotalMilliseconds, sent);
        }
    }

    // The answer's status and its problem code ("408 request-timeout"), or how the connection ended without an answer.
    private static async Task<string> ReadStatusAsync(NetworkStream stream, CancellationToken stop)
    {
        var received = new List<byte>();
        var buffer = new byte[1024];
        string? status = null;
        try
        {
            // After the status line, a little more for the ProblemDetails code: which rule stopped the attacker.
            using var afterStatus = CancellationTokenSource.CreateLinkedTokenSource(stop);
            while (received.Count < 8192)
            {
                var read = await stream.ReadAsync(buffer, afterStatus.Token);
                if (read == 0)
                {
                    break;
                }
                received.AddRange(buffer.AsSpan(0, read));
                var text = Encoding.ASCII.GetString([.. received]);
                var end = text.IndexOf("\r\n", StringComparison.Ordinal);
                if (status is null && end >= 0)
                {
                    var parts = text[..end].Split(' ');
                    status = parts.Length >= 2 ? parts[1] : "garbled";
                    afterStatus.CancelAfter(TimeSpan.FromSeconds(2));
                }
                if (status is not null && ProblemCode().Match(text) is { Success: true } code)
                {
                    return $"{status} {code.Groups[1].Value}";
                }
            }
        }
        catch (OperationCanceledException)
        {
            if (status is null)
            {
                return "open-at-end";
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            if (status is null)
            {
                return "reset";
            }
        }
        return status ?? "closed";
    }

    [GeneratedRegex("\"code\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex ProblemCode();

    private static byte[] Headers(BenchSettings settings, long contentLength)
    {
        var text = new StringBuilder()
            .Append("POST /search?k=10 HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {settings.Url.Authority}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: multipart/form-data; boundary={Boundary}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {contentLength}\r\n");
        // With a key the attacker is a key holder gone rogue (or a stolen key): the body handling is what is measured.
        if (settings.ApiKey is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Authorization: Bearer {settings.ApiKey}\r\n");
        }
        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }

    // A well-formed multipart body around a real photo, so the server cannot tell the attacker from a slow phone.
    public static byte[] Body(string imagePath)
    {
        var image = File.ReadAllBytes(imagePath);
        var name = Path.GetFileName(imagePath);
        var head = Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{name}\"\r\nContent-Type: {SearchClient.MediaTypeOf(name)}\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
        return [.. head, .. image, .. tail];
    }
}

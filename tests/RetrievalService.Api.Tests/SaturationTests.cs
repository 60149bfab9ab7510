using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>
/// With one slot and no waiting room, a burst is answered at once: some searches run, the rest get 503 + Retry-After. A
/// slot is taken only once a request's body has arrived.
/// </summary>
public sealed class SaturationTests
{
    private static readonly Dictionary<string, string?> OneSlotNoQueue = new()
    {
        ["Api:Limits:MaxConcurrentRequests"] = "1",
        ["Api:Limits:MaxQueuedRequests"] = "0",
    };

    [Fact]
    public async Task A_burst_beyond_the_concurrency_limit_is_refused_quickly_with_503_and_retry_after()
    {
        await using var factory = await ApiFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["Api:Limits:MaxConcurrentRequests"] = "1",
            ["Api:Limits:MaxQueuedRequests"] = "0",
            ["Api:Limits:RetryAfterSeconds"] = "3",
        });
        using var client = await factory.CreateClientAsync();
        var image = Photos.Get("astronaut");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Requests.SearchAsync(client, image, "?k=1")));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.NotEmpty(refused);
        foreach (var response in refused)
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "saturated");
            Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        }
    }

    [Fact]
    public async Task An_upload_that_stalls_holds_no_slot_so_other_searches_still_run()
    {
        await using var factory = await ApiFactory.StartOnKestrelAsync(OneSlotNoQueue);
        using var client = await factory.CreateClientAsync();
        // A plain client: the factory's own buffers request bodies (to replay them on redirects), which would hold the
        // whole upload back until it is complete.
        using var raw = new HttpClient { BaseAddress = client.BaseAddress };
        raw.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var upload = new StalledUpload(Photos.Get("astronaut"));
        var stalled = raw.PostAsync("/search?k=1", upload);
        await upload.HalfSent;
        // Let the server parse the headers and start the handler, which then waits for the rest of the body.
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        // With the slot taken before the body is read, this search was refused with 503 for as long as the upload stalled.
        using var other = await Requests.SearchAsync(client, Photos.Get("home"), "?k=1");
        upload.Resume();
        using var finished = await stalled;

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
    }

    [Fact]
    public async Task A_body_that_does_not_arrive_within_the_deadline_gets_408_and_the_service_goes_on()
    {
        await using var factory = await ApiFactory.StartOnKestrelAsync(new Dictionary<string, string?> { ["Api:Limits:BodyDeadlineSeconds"] = "1" });
        using var client = await factory.CreateClientAsync();
        var image = Photos.Get("astronaut");

        // 2 KB/s: above Kestrel's minimum data rate (240 B/s), so only the whole-body deadline stops it.
        using var connection = await RawConnection.PostAsync(client, "/search?k=1", "image/jpeg", $"Content-Length: {image.Length}");
        var text = await connection.AnswerWhileSendingAsync(async stop =>
        {
            for (var sent = 0; sent < image.Length; sent += 512)
            {
                await connection.SendAsync(image.AsMemory(sent, Math.Min(512, image.Length - sent)), stop);
                await Task.Delay(250, stop);
            }
        }, TimeSpan.FromSeconds(10));

        Assert.StartsWith("HTTP/1.1 408", text, StringComparison.Ordinal);
        using var next = await Requests.SearchAsync(client, Photos.Get("home"), "?k=1");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_multipart_body_below_the_minimum_data_rate_gets_408_not_a_malformed_form_answer()
    {
        await using var factory = await ApiFactory.StartOnKestrelAsync();
        using var client = await factory.CreateClientAsync();

        // 20 bytes a second, below Kestrel's 240 B/s: after its 5 s grace Kestrel ends the body read.
        using var connection = await MultipartUploadAsync(client);
        var text = await connection.AnswerWhileSendingAsync(async stop =>
        {
            while (true)
            {
                await connection.SendAsync(new byte[2], stop);
                await Task.Delay(100, stop);
            }
        }, TimeSpan.FromSeconds(20));

        Assert.StartsWith("HTTP/1.1 408", text, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"request-timeout\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_upload_that_stalls_past_the_deadline_is_answered_408_before_the_connection_closes()
    {
        await using var factory = await ApiFactory.StartOnKestrelAsync(new Dictionary<string, string?> { ["Api:Limits:BodyDeadlineSeconds"] = "1" });
        using var client = await factory.CreateClientAsync();

        // Part of a declared 100 kB form, then silence: only the deadline ends it (the minimum data rate allows 5 s of grace).
        using var connection = await MultipartUploadAsync(client);
        await connection.SendAsync(new byte[20_000]);
        var text = await connection.AnswerAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("HTTP/1.1 408", text, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"request-timeout\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_every_slot_and_the_queue_are_taken_a_search_is_refused_before_its_body_arrives()
    {
        await using var factory = await ApiFactory.StartOnKestrelAsync(OneSlotNoQueue);
        using var client = await factory.CreateClientAsync();
        var slots = factory.Services.GetRequiredService<RetrievalService.Api.Http.InferenceSlots>();
        var image = Photos.Get("astronaut");

        using (await slots.EnterAsync(CancellationToken.None))
        {
            // Half the body, then silence: the answer can only come before the rest of it.
            using var connection = await RawConnection.PostAsync(client, "/search?k=1", "image/jpeg", $"Content-Length: {image.Length}");
            await connection.SendAsync(image.AsMemory(0, image.Length / 2));
            var text = await connection.AnswerAsync(TimeSpan.FromSeconds(10));

            Assert.StartsWith("HTTP/1.1 503", text, StringComparison.Ordinal);
            Assert.Contains("\"code\":\"saturated\"", text, StringComparison.Ordinal);
            Assert.Contains("Retry-After:", text, StringComparison.OrdinalIgnoreCase);
        }
        using var afterwards = await Requests.SearchAsync(client, Photos.Get("home"), "?k=1");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    // A 100 kB multipart search whose image part has begun: the caller sends the rest, or not.
    private static async Task<RawConnection> MultipartUploadAsync(HttpClient client)
    {
        var connection = await RawConnection.PostAsync(client, "/search?k=1", "multipart/form-data; boundary=b", "Content-Length: 100000");
        await connection.SendAsync("--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n\r\n");
        return connection;
    }
}

using System.Net;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>
/// With one slot and no waiting room, a burst is answered at once: some searches run, the rest get 503 + Retry-After. A
/// slot is taken only once a request's body has arrived.
/// </summary>
public sealed class SaturationTests
{
    [Fact]
    public async Task A_burst_beyond_the_concurrency_limit_is_refused_quickly_with_503_and_retry_after()
    {
        await using var factory = await ApiFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["Api:Limits:MaxConcurrentRequests"] = "1",
            ["Api:Limits:MaxQueuedRequests"] = "0",
            ["Api:Limits:RetryAfterSeconds"] = "3",
        });
        using var client = factory.CreateClient();
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
        await using var factory = await ApiFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["Api:Limits:MaxConcurrentRequests"] = "1",
            ["Api:Limits:MaxQueuedRequests"] = "0",
        });
        // Real Kestrel on a loopback port: the test server hands a request to the app only once its body is complete.
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        // A plain client: the factory's own buffers request bodies (to replay them on redirects), which would hold the
        // whole upload back until it is complete.
        using var raw = new HttpClient { BaseAddress = client.BaseAddress };
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

    /// <summary>An image body that sends its first half, then waits until told to send the rest.</summary>
    private sealed class StalledUpload : HttpContent
    {
        private readonly byte[] bytes;
        private readonly TaskCompletionSource halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public StalledUpload(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        }

        public Task HalfSent => halfSent.Task;

        public void Resume() => resume.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await stream.FlushAsync();
            halfSent.TrySetResult();
            await resume.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}

using System.Net;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>With one slot and no waiting room, a burst is answered at once: some searches run, the rest get 503 + Retry-After.</summary>
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
}

using System.Net;
using System.Net.Http.Headers;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Tests;

/// <summary>
/// Token buckets per key and scope, and per address without a key: a burst past the bucket gets 429 with Retry-After and
/// the RateLimit headers, other keys and scopes are untouched, and the bucket refills.
/// </summary>
public sealed class QuotaTests : IAsyncLifetime
{
    private ApiFactory factory = null!;

    public async Task InitializeAsync() => factory = await ApiFactory.CreateAsync(new Dictionary<string, string?>
    {
        // Two at once, then one every two seconds.
        ["Api:Quotas:Search:Burst"] = "2",
        ["Api:Quotas:Search:PerMinute"] = "30",
        ["Api:Quotas:Anonymous:Burst"] = "2",
        ["Api:Quotas:Anonymous:PerMinute"] = "30",
        ["Api:Auth:AllowAnonymousSearch"] = "true",
    });

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    [Fact]
    public async Task A_burst_beyond_the_bucket_gets_429_with_the_headers_and_recovers_after_retry_after()
    {
        using var client = await factory.CreateClientAsync(ApiKeyScopes.Search, ApiKeyScopes.Index);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await client.GetAsync("/models"));
        }

        Assert.All(answers.Take(2), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var refused = answers[2];
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "quota-exceeded");
        Assert.Contains("'search'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 2);
        Assert.Equal("\"search\";q=30;w=60", Assert.Single(refused.Headers.GetValues("RateLimit-Policy")));
        Assert.Equal($"\"search\";r=0;t={retryAfter.Value.TotalSeconds}", Assert.Single(refused.Headers.GetValues("RateLimit")));

        await Task.Delay(retryAfter.Value + TimeSpan.FromMilliseconds(200));
        using var recovered = await client.GetAsync("/models");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task One_key_using_up_its_search_quota_leaves_other_keys_and_its_other_scopes_alone()
    {
        using var busy = await factory.CreateClientAsync(ApiKeyScopes.Search, ApiKeyScopes.Index);
        using var other = await factory.CreateClientAsync(ApiKeyScopes.Search);
        for (var i = 0; i < 3; i++)
        {
            (await busy.GetAsync("/models")).Dispose();
        }

        using var busyAgain = await busy.GetAsync("/models");
        using var otherKey = await other.GetAsync("/models");
        using var busyIndexes = await busy.PostAsync("/index", Requests.IndexForm([("home", Photos.Get("home"))]));

        Assert.Equal(HttpStatusCode.TooManyRequests, busyAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, busyIndexes.StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_key_share_one_bucket_per_address_so_guessing_keys_is_throttled()
    {
        using var anonymous = factory.CreateClient();

        using var first = await anonymous.GetAsync("/models");
        using var second = await anonymous.PostAsync("/index", Requests.IndexForm([("x", Photos.Get("home"))]));
        using var third = await anonymous.GetAsync("/models");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        var problem = await ProblemAssert.IsProblemAsync(third, HttpStatusCode.TooManyRequests, "quota-exceeded");
        Assert.Contains("without a key", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal("\"anonymous\";q=30;w=60", Assert.Single(third.Headers.GetValues("RateLimit-Policy")));
    }
}

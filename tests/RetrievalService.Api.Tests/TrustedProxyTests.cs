using System.Net;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>
/// The per-address quota counts the client a trusted proxy names in X-Forwarded-For; a client that is not a trusted proxy
/// cannot escape its bucket by sending the header itself. Real Kestrel, so requests come from 127.0.0.1.
/// </summary>
public sealed class TrustedProxyTests
{
    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket()
    {
        await using var factory = await StartAsync(trusted: "127.0.0.1");
        using var client = PlainClient(factory);

        var first = await ModelsAsync(client, "203.0.113.1");
        var second = await ModelsAsync(client, "203.0.113.1");
        var otherClient = await ModelsAsync(client, "203.0.113.2");

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, second);
        Assert.Equal(HttpStatusCode.OK, otherClient);
    }

    [Fact]
    public async Task From_an_untrusted_address_x_forwarded_for_is_ignored()
    {
        await using var factory = await StartAsync(trusted: "10.0.0.0/8");
        using var client = PlainClient(factory);

        var first = await ModelsAsync(client, "203.0.113.1");
        var spoofed = await ModelsAsync(client, "203.0.113.2");

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed);
    }

    private static async Task<ApiFactory> StartAsync(string trusted)
    {
        return await ApiFactory.StartOnKestrelAsync(new Dictionary<string, string?>
        {
            ["Api:TrustedProxies:0"] = trusted,
            ["Api:Auth:AllowAnonymousSearch"] = "true",
            ["Api:Quotas:Anonymous:Burst"] = "1",
            ["Api:Quotas:Anonymous:PerMinute"] = "1",
        });
    }

    private static HttpClient PlainClient(ApiFactory factory)
    {
        using var inMemory = factory.CreateClient();
        return new HttpClient { BaseAddress = inMemory.BaseAddress };
    }

    private static async Task<HttpStatusCode> ModelsAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/models") { Headers = { { "X-Forwarded-For", forwardedFor } } };
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

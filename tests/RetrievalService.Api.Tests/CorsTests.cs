using System.Net;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>Browsers may call the API cross-origin only from the origins in <c>Api:Cors:Origins</c>.</summary>
public sealed class CorsTests : IAsyncLifetime
{
    private const string Allowed = "https://app.example.com";
    private ApiFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.CreateAsync(new Dictionary<string, string?> { ["Api:Cors:Origins:0"] = Allowed });
        client = await factory.CreateClientAsync();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_preflight_from_a_configured_origin_may_send_the_key_header()
    {
        using var response = await client.SendAsync(Preflight(Allowed));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_origin_gets_no_cors_headers_on_a_preflight_or_an_answer()
    {
        using var preflight = await client.SendAsync(Preflight("https://evil.example"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/models") { Headers = { { "Origin", "https://evil.example" } } };
        using var answer = await client.SendAsync(request);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/search")
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "authorization" },
        },
    };
}

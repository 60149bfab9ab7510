using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Tests;

/// <summary>
/// Every endpoint behind a scope, called with no key, a malformed, unknown or revoked key, a key without the scope, and a key
/// with it: 401 with WWW-Authenticate for the first four, 403 for the fifth, the endpoint's own answer for the last.
/// </summary>
public sealed class ApiKeyTests(ApiKeyTests.Host host) : IClassFixture<ApiKeyTests.Host>
{
    private static readonly Dictionary<string, string> EndpointScopes = new()
    {
        ["POST /search"] = ApiKeyScopes.Search,
        ["GET /images/{id}"] = ApiKeyScopes.Search,
        ["GET /images/{id}/thumbnail"] = ApiKeyScopes.Search,
        ["GET /images"] = ApiKeyScopes.Search,
        ["PATCH /images/{id}"] = ApiKeyScopes.Index,
        ["GET /models"] = ApiKeyScopes.Search,
        ["POST /index"] = ApiKeyScopes.Index,
        ["DELETE /images/{id}"] = ApiKeyScopes.Admin,
        ["GET /metrics"] = ApiKeyScopes.Admin,
        ["GET /keys"] = ApiKeyScopes.Admin,
    };

    private readonly HttpClient client = host.Client;
    private readonly Dictionary<string, string> keys = host.Keys;

    public static TheoryData<string> Endpoints => new(EndpointScopes.Keys);

    /// <summary>One host, a key per scope, a revoked key, and the two images the requests name.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public ApiFactory Factory { get; private set; } = null!;

        public HttpClient Client { get; private set; } = null!;

        public Dictionary<string, string> Keys { get; } = [];

        public async Task InitializeAsync()
        {
            // No key cache: a revocation must show at the next request.
            Factory = await ApiFactory.CreateAsync(new Dictionary<string, string?> { ["Api:Auth:KeyCacheSeconds"] = "0" });
            Client = Factory.CreateClient();
            foreach (var scope in ApiKeyScopes.All)
            {
                Keys[scope] = await Factory.CreateKeyAsync(scope);
            }
            var revoked = await Factory.CreateKeyAsync([.. ApiKeyScopes.All]);
            Assert.True(ApiKeySecret.TryParse(revoked, out var parsed));
            Assert.True(await Factory.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(parsed.Id));
            Keys["revoked"] = revoked;
            using var index = new HttpRequestMessage(HttpMethod.Post, "/index")
            {
                Content = Requests.IndexForm([("home", Photos.Get("home")), ("home-copy", Photos.Get("home"))]),
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Keys[ApiKeyScopes.Index]) },
            };
            using var indexed = await Client.SendAsync(index);
            Assert.Equal(HttpStatusCode.OK, indexed.StatusCode);
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await Factory.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_key_the_answer_is_401_with_a_bearer_challenge(string endpoint)
    {
        using var response = await SendAsync(endpoint, key: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_unknown_key_is_401_invalid_key(string endpoint)
    {
        using var response = await SendAsync(endpoint, ApiKeySecret.Generate().Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-key");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_known_id_with_a_wrong_secret_is_401_invalid_key(string endpoint)
    {
        var real = keys[EndpointScopes[endpoint]];
        var forged = real[..^4] + (real[^4..] == "AAAA" ? "BBBB" : "AAAA");

        using var response = await SendAsync(endpoint, forged);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-key");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_revoked_key_is_401_and_says_it_was_revoked(string endpoint)
    {
        using var response = await SendAsync(endpoint, keys["revoked"]);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-key");
        Assert.Contains("revoked", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_key_without_the_scope_is_403_naming_the_scope(string endpoint)
    {
        var scope = EndpointScopes[endpoint];
        var other = ApiKeyScopes.All.First(s => s != scope);

        using var response = await SendAsync(endpoint, keys[other]);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains($"'{scope}'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_key_with_the_scope_reaches_the_endpoint(string endpoint)
    {
        using var response = await SendAsync(endpoint, keys[EndpointScopes[endpoint]]);

        // DELETE runs on an image of its own, so the cases that read 'home' do not depend on the order.
        Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-key")]
    [InlineData("Bearer ")]
    public async Task Any_other_authorization_header_is_401_not_ignored(string header)
    {
        using var request = Request("POST /search");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-key");
    }

    [Fact]
    public async Task The_key_may_come_in_x_api_key_instead()
    {
        using var request = Request("POST /search");
        request.Headers.Add("X-Api-Key", keys[ApiKeyScopes.Search]);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Two_different_keys_in_one_request_are_refused()
    {
        using var request = Request("POST /search");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys[ApiKeyScopes.Search]);
        request.Headers.Add("X-Api-Key", keys[ApiKeyScopes.Admin]);

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-key");
    }

    [Fact]
    public async Task Health_and_the_openapi_document_need_no_key()
    {
        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        using var openApi = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(string endpoint, string? key)
    {
        var request = Request(endpoint);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client.SendAsync(request);
    }

    private static HttpRequestMessage Request(string endpoint) => endpoint switch
    {
        "POST /search" => new(HttpMethod.Post, "/search?k=1") { Content = Requests.SearchForm(Photos.Get("home")) },
        "GET /images/{id}" => new(HttpMethod.Get, "/images/home"),
        "GET /images/{id}/thumbnail" => new(HttpMethod.Get, "/images/home/thumbnail"),
        "GET /images" => new(HttpMethod.Get, "/images?limit=1"),
        "PATCH /images/{id}" => new(HttpMethod.Patch, "/images/home") { Content = Requests.AsJson(new { metadata = new { kind = "home" } }) },
        "GET /models" => new(HttpMethod.Get, "/models"),
        "POST /index" => new(HttpMethod.Post, "/index") { Content = Requests.IndexForm([("home", Photos.Get("home"))]) },
        "DELETE /images/{id}" => new(HttpMethod.Delete, "/images/home-copy"),
        "GET /metrics" => new(HttpMethod.Get, "/metrics"),
        "GET /keys" => new(HttpMethod.Get, "/keys"),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "no such endpoint in this test"),
    };
}

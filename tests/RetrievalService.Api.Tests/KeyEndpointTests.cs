using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Tests;

/// <summary><c>/keys</c> for an admin key: create (the secret once), list (never a secret), revoke, and bad requests.</summary>
public sealed class KeyEndpointTests : IAsyncLifetime
{
    private ApiFactory factory = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.CreateAsync(new Dictionary<string, string?> { ["Api:Auth:KeyCacheSeconds"] = "0" });
        admin = await factory.CreateClientAsync(ApiKeyScopes.Admin);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_created_key_works_at_once_is_listed_without_its_secret_and_stops_working_when_revoked()
    {
        using var created = await admin.PostAsJsonAsync("/keys", new { name = "shop front", scopes = new[] { "search" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var key = await Requests.ReadAsync<CreatedKeyResponse>(created);
        Assert.Equal($"/keys/{key.Key.Id}", created.Headers.Location?.OriginalString);
        using var holder = factory.CreateClient();
        holder.DefaultRequestHeaders.Authorization = new("Bearer", key.Token);

        using var before = await holder.GetAsync("/models");
        var located = await Requests.ReadAsync<KeyResponse>(await admin.GetAsync(created.Headers.Location));
        var listed = await admin.GetStringAsync("/keys");
        using var revoked = await admin.DeleteAsync($"/keys/{key.Key.Id}");
        using var after = await holder.GetAsync("/models");
        using var again = await admin.DeleteAsync($"/keys/{key.Key.Id}");
        var stillThere = await Requests.ReadAsync<KeyResponse>(await admin.GetAsync($"/keys/{key.Key.Id}"));
        using var unknown = await admin.GetAsync("/keys/000000000000");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains(JsonDocument.Parse(listed).RootElement.EnumerateArray(), k => k.GetProperty("id").GetString() == key.Key.Id);
        Assert.DoesNotContain(key.Token[17..], listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized, "invalid-key");
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound, "key-not-found");
        Assert.Equal((key.Key.Id, "shop front", (DateTimeOffset?)null), (located.Id, located.Name, located.RevokedAt));
        Assert.NotNull(stillThere.RevokedAt);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "key-not-found");
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"scopes\":[\"search\",\"root\"]}")]
    [InlineData("{\"name\":\"x\",\"scopes\":[\"search,admin\"]}")]
    [InlineData("{\"name\":\"x\",\"scopes\":[]}")]
    [InlineData("{\"name\":\"x\",\"scopes\":[null]}")]
    [InlineData("{\"name\":\"x\",\"scopes\":[\"search\",null]}")]
    [InlineData("{\"name\":\"x\",\"scopes\":[\"search\"],\"scopes\":[\"admin\"]}")]
    [InlineData("{\"name\":\"x\",\"Name\":\"y\",\"scopes\":[\"search\"]}")]
    [InlineData("{\"name\":\"\",\"scopes\":[\"search\"]}")]
    [InlineData("{\"scopes\":[\"search\"]}")]
    [InlineData("{\"name\":\"x\",\"scopes\":\"search\"}")]
    [InlineData("[\"search\"]")]
    [InlineData("null")]
    [InlineData("{\"name\":")]
    public async Task A_bad_body_is_400_invalid_key_request(string body)
    {
        using var response = await admin.PostAsync("/keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-key-request");
        Assert.DoesNotContain("System.", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_body_is_415()
    {
        using var response = await admin.PostAsync("/keys", new FormUrlEncodedContent([new("name", "x"), new("scopes", "search")]));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }
}

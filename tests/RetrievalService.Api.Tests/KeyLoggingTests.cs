using System.Net.Http.Headers;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Tests;

/// <summary>Request logs name the calling key by its id and never carry a key, valid or not.</summary>
public sealed class KeyLoggingTests(LoggedApiHost host) : IClassFixture<LoggedApiHost>
{
    private ApiFactory Factory => host.Factory;

    private CollectingLogSink Sink => host.Sink;

    [Fact]
    public async Task The_request_log_names_the_key_id_and_no_secret_appears_in_any_log_event()
    {
        var valid = await Factory.CreateKeyAsync(ApiKeyScopes.Search);
        var unknown = ApiKeySecret.Generate().Token;
        using var client = Factory.CreateClient();

        foreach (var key in new[] { valid, unknown })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/index") { Content = Requests.IndexForm([("home", Photos.Get("home"))]) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            (await client.SendAsync(request)).Dispose();
        }
        using var models = new HttpRequestMessage(HttpMethod.Get, "/models") { Headers = { { "X-Api-Key", valid } } };
        (await client.SendAsync(models)).Dispose();

        var events = Sink.Events.Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Values)).ToList();
        Assert.Contains(events, e => e.Contains("/models", StringComparison.Ordinal) && e.Contains($"(key \"{valid[4..16]}\")", StringComparison.Ordinal));
        foreach (var secret in new[] { valid[17..], unknown[17..] })
        {
            Assert.DoesNotContain(events, e => e.Contains(secret, StringComparison.Ordinal));
        }
    }
}

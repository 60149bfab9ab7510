using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Storage.Keys;
using Serilog.Core;

namespace RetrievalService.Api.Tests;

/// <summary>Request logs name the calling key by its id and never carry a key, valid or not.</summary>
public sealed class KeyLoggingTests : IAsyncLifetime
{
    private readonly CollectingLogSink sink = new();
    private ApiFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.CreateAsync(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" });
        factory.ExtraServices = services => services.AddSingleton<ILogEventSink>(sink);
    }

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    [Fact]
    public async Task The_request_log_names_the_key_id_and_no_secret_appears_in_any_log_event()
    {
        var valid = await factory.CreateKeyAsync(ApiKeyScopes.Search);
        var unknown = ApiKeySecret.Generate().Token;
        using var client = factory.CreateClient();

        foreach (var key in new[] { valid, unknown })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/index") { Content = Requests.IndexForm([("home", Photos.Get("home"))]) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            (await client.SendAsync(request)).Dispose();
        }
        using var models = new HttpRequestMessage(HttpMethod.Get, "/models") { Headers = { { "X-Api-Key", valid } } };
        (await client.SendAsync(models)).Dispose();

        var events = sink.Events.Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Values)).ToList();
        Assert.Contains(events, e => e.Contains("/models", StringComparison.Ordinal) && e.Contains($"(key \"{valid[4..16]}\")", StringComparison.Ordinal));
        foreach (var secret in new[] { valid[17..], unknown[17..] })
        {
            Assert.DoesNotContain(events, e => e.Contains(secret, StringComparison.Ordinal));
        }
    }
}

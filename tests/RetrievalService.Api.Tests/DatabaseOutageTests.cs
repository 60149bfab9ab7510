using System.Net;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>The database goes away under a running service and comes back: 503 with Retry-After meanwhile, then service without a restart.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly PrivateCluster cluster = new();
    private ApiFactory? factory;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await cluster.StartAsync();
        factory = await ApiFactory.CreateAsync(connectionString: cluster.ConnectionString);
        client = await factory.CreateClientAsync();
        await Requests.ReadAsync<IndexResponse>(await client.PostAsync("/index", Requests.IndexForm([("fruits", Photos.Get("fruits"))])));
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_stopped_database_gives_503_with_retry_after_and_the_service_recovers_when_it_returns()
    {
        Assert.Equal("fruits", (await SearchAsync()).Results[0].Id);

        await cluster.StopAsync();

        foreach (var response in new[] { await PostSearchAsync(), await client.GetAsync("/images/fruits"), await client.DeleteAsync("/images/fruits") })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "database-unavailable");
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("Retry", ProblemAssert.Detail(problem), StringComparison.Ordinal);
            AssertNamesNoDatabase(ProblemAssert.Detail(problem));
        }
        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.NotNull(ready.Headers.RetryAfter);
            AssertNamesNoDatabase(await ready.Content.ReadAsStringAsync());
        }
        using (var live = await client.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        await cluster.StartAsync();

        Assert.Equal("fruits", (await EventuallyAsync(PostSearchAsync)).Results[0].Id);
        using var readyAgain = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
    }

    // Host, port and database name belong in the log, not in what a client or a public probe sees.
    private void AssertNamesNoDatabase(string text)
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(cluster.ConnectionString);
        Assert.DoesNotContain($":{connection.Port}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(connection.Database!, text, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostSearchAsync() => Requests.SearchAsync(client, Photos.Get("fruits"), "?k=1");

    private async Task<SearchResponse> SearchAsync() => await Requests.ReadAsync<SearchResponse>(await PostSearchAsync());

    // Pooled connections broken by the restart are discarded one request at a time, and the store's outage cool-down
    // (GalleryStore:OutageCooldownMs, 1 s) answers at once until it ends; a client retrying sees the service back soon.
    private static async Task<SearchResponse> EventuallyAsync(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage response = null!;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                break;
            }
            await Task.Delay(500);
        }
        return await Requests.ReadAsync<SearchResponse>(response);
    }
}

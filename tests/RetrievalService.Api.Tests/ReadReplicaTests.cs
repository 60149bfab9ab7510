using System.Net;
using System.Net.Http.Json;
using Npgsql;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>
/// The API on a primary with two streaming standbys of this class's own: searches on the standbys, writes on the primary,
/// and a search after a write's position that always finds it.
/// </summary>
public sealed class ReadReplicaTests : IAsyncLifetime, IDisposable
{
    private const int ReplayDelayMs = 1000;
    private ServingPorts ports = null!;
    private ReplicatedCluster cluster = null!;
    private ApiFactory? factory;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        cluster = await ReplicatedCluster.StartAsync(standbys: 2);
        ports = new ServingPorts(cluster);
        factory = await ApiFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["GalleryStore:ReadConnectionString"] = new NpgsqlConnectionStringBuilder(cluster.ReadConnectionString) { HostRecheckSeconds = 1 }.ConnectionString,
            ["GalleryStore:ReplicaWaitMs"] = (3 * ReplayDelayMs).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, cluster.PrimaryConnectionString);
        client = await factory.CreateClientAsync();
        await cluster.WaitForStandbysAsync();
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

    public void Dispose() => ports?.Dispose();

    [Fact]
    public async Task A_search_after_the_position_of_an_index_finds_the_image_every_time_while_standbys_replay_late()
    {
        await cluster.SetReplayDelayAsync(ReplayDelayMs);
        for (var i = 0; i < 5; i++)
        {
            var filter = Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(new { copy = i }));
            using var indexed = await client.PostAsync("/index", Requests.IndexForm([($"fruits-{i}", Photos.Get("fruits"))],
                metadata: System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { [$"fruits-{i}"] = new { copy = i } })));
            var response = await Requests.ReadAsync<IndexResponse>(indexed);
            var header = Assert.Single(indexed.Headers.GetValues(WritePosition.Header));
            Assert.Equal(header, response.Position);
            ports.Clear();

            var stale = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(client, Photos.Get("fruits"), $"?k=1&filter={filter}"));
            var fresh = await Requests.ReadAsync<SearchResponse>(
                await Requests.SearchAsync(client, Photos.Get("fruits"), $"?k=1&filter={filter}&after={Uri.EscapeDataString(header)}"));

            Assert.Empty(stale.Results);
            Assert.Equal($"fruits-{i}", Assert.Single(fresh.Results).Id);
            Assert.All(ports.Of("embedding <=>"), port => Assert.Contains(port, cluster.StandbyPorts));
        }
        await cluster.SetReplayDelayAsync(0);
    }

    [Fact]
    public async Task Patch_and_delete_answer_the_write_position_and_a_patch_answers_its_own_metadata()
    {
        await Requests.ReadAsync<IndexResponse>(await client.PostAsync("/index", Requests.IndexForm([("home", Photos.Get("home"))])));
        await cluster.SetReplayDelayAsync(ReplayDelayMs);

        using var patched = await client.PatchAsJsonAsync("/images/home", new { metadata = new { room = "kitchen" } });
        var image = await Requests.ReadAsync<ImageResponse>(patched);
        using var deleted = await client.DeleteAsync("/images/home");
        await cluster.SetReplayDelayAsync(0);

        Assert.Equal("kitchen", (string?)image.Metadata["room"]);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var response in new[] { patched, deleted })
        {
            Assert.Matches("^[0-9A-F]{1,8}/[0-9A-F]{1,8}$", Assert.Single(response.Headers.GetValues(WritePosition.Header)));
        }
    }

    [Fact]
    public async Task With_the_primary_stopped_searches_are_answered_by_standbys_writes_get_503_and_all_recovers_without_a_restart()
    {
        await Requests.ReadAsync<IndexResponse>(await client.PostAsync("/index", Requests.IndexForm([("fruits", Photos.Get("fruits"))])));
        await cluster.WaitForStandbysAsync();

        await cluster.StopPrimaryAsync();
        ports.Clear();

        for (var i = 0; i < 5; i++)
        {
            var result = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(client, Photos.Get("fruits"), "?k=1"));
            Assert.Equal("fruits", result.Results[0].Id);
        }
        Assert.All(ports.Of("embedding <=>"), port => Assert.Contains(port, cluster.StandbyPorts));
        foreach (var write in new[] { await client.PostAsync("/index", Requests.IndexForm([("home", Photos.Get("home"))])), await client.DeleteAsync("/images/fruits") })
        {
            await ProblemAssert.IsProblemAsync(write, HttpStatusCode.ServiceUnavailable, "database-unavailable");
            Assert.NotNull(write.Headers.RetryAfter);
        }

        await cluster.StartPrimaryAsync();

        var indexed = await EventuallyAsync(() => client.PostAsync("/index", Requests.IndexForm([("home", Photos.Get("home"))])));
        var position = Assert.Single(indexed.Headers.GetValues(WritePosition.Header));
        var found = await Requests.ReadAsync<SearchResponse>(
            await Requests.SearchAsync(client, Photos.Get("home"), $"?k=1&after={Uri.EscapeDataString(position)}"));
        Assert.Equal("home", found.Results[0].Id);
    }

    // The store's outage cool-down answers 503 at once for a moment after the primary returns; a client retrying gets through.
    private static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage response = null!;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                break;
            }
            await Task.Delay(500);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}

using System.Diagnostics;

namespace RetrievalService.Storage.Tests.Replicas;

/// <summary>A search after a write's position finds that write, however far behind the standbys are.</summary>
[Collection(ReplicasCollection.Name)]
public sealed class ReadYourWritesTests(ReplicasFixture fixture) : IAsyncLifetime, IDisposable
{
    private const int ReplayDelayMs = 300;
    private readonly ServingPorts ports = new(fixture.Cluster);

    public Task InitializeAsync() => fixture.Cluster.SetReplayDelayAsync(ReplayDelayMs);

    public Task DisposeAsync() => fixture.Cluster.SetReplayDelayAsync(0);

    public void Dispose() => ports.Dispose();

    [Fact]
    public async Task A_standby_behind_the_write_serves_a_search_without_after_that_misses_it()
    {
        await using var store = await fixture.CreateStoreAsync();

        await store.UpsertAsync("teacher", ReplicasFixture.Item("late", 2));

        Assert.Empty(await store.SearchAsync(ReplicasFixture.Query(2)));
    }

    [Fact]
    public async Task A_search_after_a_write_waits_for_a_standby_that_has_replayed_it_and_finds_it_every_time()
    {
        await using var store = await fixture.CreateStoreAsync(configure: o => o.ReplicaWaitMs = 5 * ReplayDelayMs);
        for (var i = 0; i < 5; i++)
        {
            await store.UpsertAsync("teacher", ReplicasFixture.Item($"w{i}", i));
            var position = await store.GetWritePositionAsync();
            ports.Clear();
            var started = Stopwatch.GetTimestamp();

            var hit = Assert.Single(await store.SearchAsync(ReplicasFixture.Query(i, position)));

            Assert.Equal($"w{i}", hit.Id);
            Assert.Contains(Assert.Single(ports.Of("embedding <=>")), fixture.Cluster.StandbyPorts);
            Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(ReplayDelayMs / 2), "the standby had the write at once despite its replay delay");
        }
    }

    [Fact]
    public async Task A_search_after_a_write_no_standby_has_replayed_in_time_is_served_by_the_primary_and_finds_it_every_time()
    {
        await using var store = await fixture.CreateStoreAsync(configure: o => o.ReplicaWaitMs = 20);
        for (var i = 0; i < 8; i++)
        {
            await store.UpsertAsync("teacher", ReplicasFixture.Item($"p{i}", i));
            var position = await store.GetWritePositionAsync();
            ports.Clear();

            Assert.Equal($"p{i}", Assert.Single(await store.SearchAsync(ReplicasFixture.Query(i, position))).Id);

            Assert.Equal(fixture.Cluster.PrimaryPort, Assert.Single(ports.Of("embedding <=>")));
        }
    }
}

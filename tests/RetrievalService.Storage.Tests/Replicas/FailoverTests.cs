using System.Diagnostics;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Storage.Tests.Replicas;

/// <summary>Nodes stop under load and come back: searches keep being answered, writes wait for the primary, nothing is restarted.</summary>
[Collection(ReplicasCollection.Name)]
public sealed class FailoverTests(ReplicasFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly ServingPorts ports = new(fixture.Cluster);

    public Task InitializeAsync() => Task.CompletedTask;

    // Whatever a failed assertion left stopped runs again for the next test.
    public async Task DisposeAsync()
    {
        await fixture.Cluster.StartPrimaryAsync();
        await fixture.Cluster.StartStandbysAsync();
    }

    public void Dispose() => ports.Dispose();

    [Fact]
    public async Task A_standby_stopped_under_load_leaves_every_search_answered_and_is_used_again_when_it_returns()
    {
        await using var store = await fixture.CreateStoreAsync();
        await store.UpsertAsync("teacher", ReplicasFixture.Item("a", 0));
        await fixture.Cluster.WaitForStandbysAsync();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(_ => SearchUntilAsync(store, stop.Token)).ToList();

        await Task.Delay(300);
        await fixture.Cluster.StopStandbyAsync(1);
        await Task.Delay(1000);
        ports.Clear();
        await Task.Delay(500);
        var whileDown = ports.Of("embedding <=>");
        await fixture.Cluster.StartStandbysAsync();
        await Task.Delay(2500);
        ports.Clear();
        await Task.Delay(500);
        var afterReturn = ports.Of("embedding <=>");
        await stop.CancelAsync();
        var answered = (await Task.WhenAll(load)).Sum();

        Assert.True(answered > 0);
        Assert.NotEmpty(whileDown);
        Assert.DoesNotContain(fixture.Cluster.StandbyPorts[0], whileDown);
        Assert.Contains(fixture.Cluster.StandbyPorts[0], afterReturn);
    }

    [Fact]
    public async Task With_the_primary_stopped_searches_are_answered_by_standbys_and_writes_fail_as_unavailable_until_it_returns()
    {
        await using var store = await fixture.CreateStoreAsync();
        await store.UpsertAsync("teacher", ReplicasFixture.Item("a", 0));
        await fixture.Cluster.WaitForStandbysAsync();

        await fixture.Cluster.StopPrimaryAsync();
        ports.Clear();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("a", Assert.Single(await store.SearchAsync(ReplicasFixture.Query(0))).Id);
        }
        Assert.All(ports.Of("embedding <=>"), port => Assert.Contains(port, fixture.Cluster.StandbyPorts));
        await Assert.ThrowsAsync<GalleryUnavailableException>(() => store.UpsertAsync("teacher", ReplicasFixture.Item("b", 1)));
        await Assert.ThrowsAsync<GalleryUnavailableException>(() => store.GetWritePositionAsync());

        await fixture.Cluster.StartPrimaryAsync();

        await EventuallyAsync(() => store.UpsertAsync("teacher", ReplicasFixture.Item("b", 1)));
        var position = await store.GetWritePositionAsync();
        Assert.Equal("b", Assert.Single(await store.SearchAsync(ReplicasFixture.Query(1, position))).Id);
    }

    // Every search must succeed: one failure fails the test through the task.
    private static async Task<int> SearchUntilAsync(GalleryStore store, CancellationToken stop)
    {
        var answered = 0;
        while (!stop.IsCancellationRequested)
        {
            Assert.Equal("a", Assert.Single(await store.SearchAsync(ReplicasFixture.Query(0), CancellationToken.None)).Id);
            answered++;
        }
        return answered;
    }

    // The store's outage cool-down answers at once for a moment after the primary returns.
    private static async Task EventuallyAsync(Func<Task> write)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                await write();
                return;
            }
            catch (GalleryUnavailableException) when (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(200);
            }
        }
    }
}

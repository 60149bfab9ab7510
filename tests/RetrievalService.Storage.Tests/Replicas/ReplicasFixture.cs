using Npgsql;
using RetrievalService.Storage.Model;
using RetrievalService.Storage.Tests.Infrastructure;

namespace RetrievalService.Storage.Tests.Replicas;

/// <summary>A primary with two streaming standbys of this collection's own, started and stopped here.</summary>
public sealed class ReplicasFixture : IAsyncLifetime
{
    public const int Dimension = 8;

    public ReplicatedCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await ReplicatedCluster.StartAsync(standbys: 2);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>
    /// A store writing to the primary and reading from the standbys, on a fresh schema, with a registered model. Host
    /// Recheck Seconds=1: a node that comes back is tried again within a second rather than Npgsql's default ten.
    /// </summary>
    public async Task<GalleryStore> CreateStoreAsync(bool withReads = true, Action<GalleryStoreOptions>? configure = null)
    {
        var options = new GalleryStoreOptions
        {
            ConnectionString = Cluster.PrimaryConnectionString,
            ReadConnectionString = withReads
                ? new NpgsqlConnectionStringBuilder(Cluster.ReadConnectionString) { HostRecheckSeconds = 1 }.ConnectionString
                : null,
            Schema = "r_" + Guid.NewGuid().ToString("N")[..12],
            MaxRetries = 2,
            RetryBaseDelayMs = 20,
        };
        configure?.Invoke(options);
        var store = GalleryStore.Create(options);
        await store.RegisterModelAsync("teacher", Dimension);
        // The model's table exists on the standbys before a test reads there.
        await Cluster.WaitForStandbysAsync();
        return store;
    }

    public static GalleryItem Item(string id, int hot) => TestItems.Item(id, TestItems.Unit(Dimension, hot));

    public static SearchRequest Query(int hot, GalleryPosition? after = null) =>
        new("teacher", TestItems.Unit(Dimension, hot), 1) { After = after };
}

[CollectionDefinition(Name)]
public sealed class ReplicasCollection : ICollectionFixture<ReplicasFixture>
{
    public const string Name = "replicas";
}

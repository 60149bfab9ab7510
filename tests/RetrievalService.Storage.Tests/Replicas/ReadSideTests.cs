using RetrievalService.Storage.Model;

namespace RetrievalService.Storage.Tests.Replicas;

/// <summary>With a read connection, searches and image reads go to the standbys and writes to the primary; without one, everything to the primary.</summary>
[Collection(ReplicasCollection.Name)]
public sealed class ReadSideTests(ReplicasFixture fixture) : IDisposable
{
    private const string KnnSql = "embedding <=>";
    private readonly ServingPorts ports = new(fixture.Cluster);

    public void Dispose() => ports.Dispose();

    [Fact]
    public async Task Searches_and_image_reads_are_served_by_standbys_and_writes_by_the_primary()
    {
        await using var store = await fixture.CreateStoreAsync();
        await store.UpsertAsync("teacher", ReplicasFixture.Item("a", 0));
        var written = await store.GetWritePositionAsync();
        ports.Clear();

        Assert.Equal("a", Assert.Single(await store.SearchAsync(ReplicasFixture.Query(0, written))).Id);
        for (var i = 0; i < 10; i++)
        {
            await store.SearchAsync(ReplicasFixture.Query(0));
        }
        Assert.NotNull(await store.GetAsync("teacher", "a"));
        Assert.Single(await store.ListAsync("teacher", null, 10));
        Assert.Equal(1, await store.CountAsync("teacher"));
        await store.UpsertAsync("teacher", ReplicasFixture.Item("b", 1));

        var searches = ports.Of(KnnSql);
        Assert.Equal(11, searches.Count);
        Assert.All(searches, port => Assert.Contains(port, fixture.Cluster.StandbyPorts));
        Assert.All(ports.Of("WHERE id = @id").Concat(ports.Of("LIMIT @limit")).Concat(ports.Of("SELECT count(*)")),
            port => Assert.Contains(port, fixture.Cluster.StandbyPorts));
        Assert.Equal([fixture.Cluster.PrimaryPort], ports.Of("ON CONFLICT (id) DO UPDATE").Distinct());
    }

    [Fact]
    public async Task Without_a_read_connection_every_statement_goes_to_the_primary()
    {
        await using var store = await fixture.CreateStoreAsync(withReads: false);
        await store.UpsertAsync("teacher", ReplicasFixture.Item("a", 0));
        ports.Clear();

        await store.SearchAsync(ReplicasFixture.Query(0, await store.GetWritePositionAsync()));
        await store.GetAsync("teacher", "a");

        var served = ports.Of(KnnSql).Concat(ports.Of("WHERE id = @id")).ToList();
        Assert.Equal(2, served.Count);
        Assert.All(served, port => Assert.Equal(fixture.Cluster.PrimaryPort, port));
    }

    [Fact]
    public void Write_positions_read_and_print_in_postgresql_text_form_and_nothing_else_parses()
    {
        Assert.True(GalleryPosition.TryParse("16/B374D848", out var position));
        Assert.Equal(0x16_B374D848UL, position.Value);
        Assert.Equal("16/B374D848", position.ToString());
        Assert.True(GalleryPosition.TryParse("0/0", out _));
        Assert.True(new GalleryPosition(0x1_00000000).CompareTo(new GalleryPosition(0xFFFFFFFF)) > 0);
        foreach (var bad in new[] { "", "/", "0/", "/0", "0/1/2", "123456789/0", " 0/1", "0/1 ", "+0/1", "-0/1", "0x1/0", "g/0", "0\\1" })
        {
            Assert.False(GalleryPosition.TryParse(bad, out _), bad);
        }
    }
}

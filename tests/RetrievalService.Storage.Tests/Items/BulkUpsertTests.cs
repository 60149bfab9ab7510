using System.Text.Json.Nodes;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Model;
using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Items;

public sealed class BulkUpsertTests
{
    private const string Model = "teacher-bulk";

    [Fact]
    public async Task Bulk_upsert_reports_each_item_as_inserted_updated_or_unchanged_in_input_order()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 16);
        var first = TestItems.FromVectors(ClusteredVectors.Generate(300, 16, 5, seed: 1), "img-");
        var inserted = await gallery.Store.UpsertManyAsync(Model, first);

        var second = first.Take(100)
            .Concat(first.Skip(100).Take(50).Select(i => i with { Metadata = new JsonObject { ["v"] = 2 } }))
            .Concat(TestItems.FromVectors(ClusteredVectors.Generate(20, 16, 5, seed: 2), "new-"))
            .Reverse().ToList();
        var result = await gallery.Store.UpsertManyAsync(Model, second);

        Assert.Equal((300, 0, 0), (inserted.Inserted, inserted.Updated, inserted.Unchanged));
        Assert.Equal((20, 50, 100), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal(second.Select(i => i.Id), result.Items.Select(r => r.Id));
        Assert.All(result.Items.Where(r => r.Id.StartsWith("new-", StringComparison.Ordinal)), r => Assert.Equal(UpsertOutcome.Inserted, r.Outcome));
        Assert.Equal(320L, await gallery.Store.CountAsync(Model));
        Assert.Equal(2, (int?)(await gallery.Store.GetAsync(Model, "img-00120"))!.Metadata["v"]);
    }

    [Fact]
    public async Task A_batch_with_a_repeated_id_is_rejected_and_writes_nothing()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);

        var error = await Assert.ThrowsAsync<InvalidGalleryItemException>(() => gallery.Store.UpsertManyAsync(Model,
            [Item("a", Unit(4, 0)), Item("b", Unit(4, 1)), Item("a", Unit(4, 2))]));

        Assert.Equal("a", error.ItemId);
        Assert.Equal(0L, await gallery.Store.CountAsync(Model));
    }

    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("..", "'.'")]
    [InlineData("bad\u0007id", "U+0007")]
    public async Task A_batch_with_an_invalid_id_is_rejected_and_writes_nothing(string id, string reasonPart)
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);

        var error = await Assert.ThrowsAsync<InvalidGalleryItemException>(() =>
            gallery.Store.UpsertManyAsync(Model, [Item("ok", Unit(4, 0)), Item(id, Unit(4, 1))]));

        Assert.Contains(reasonPart, error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await gallery.Store.CountAsync(Model));
    }

    [Fact]
    public async Task Two_writers_upserting_overlapping_batches_concurrently_leave_one_row_per_id()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 16);
        var items = TestItems.FromVectors(ClusteredVectors.Generate(600, 16, 5, seed: 3), "c-");
        await using var other = gallery.CreatePeer();

        var results = await Task.WhenAll(
            Task.Run(() => WriteInBatchesAsync(gallery.Store, items.Take(400).ToList())),
            Task.Run(() => WriteInBatchesAsync(other, items.Skip(200).Reverse().ToList())));

        Assert.Equal(600L, await gallery.Store.CountAsync(Model));
        var storedOnce = results.SelectMany(r => r).Where(r => r.Outcome == UpsertOutcome.Inserted).Select(r => r.Id).ToList();
        Assert.Equal(600, storedOnce.Distinct().Count());
        Assert.Equal(600, storedOnce.Count);
    }

    private static async Task<List<UpsertResult>> WriteInBatchesAsync(GalleryStore store, List<GalleryItem> items)
    {
        var results = new List<UpsertResult>();
        foreach (var batch in items.Chunk(50))
        {
            results.AddRange((await store.UpsertManyAsync(Model, batch)).Items);
        }
        return results;
    }
}

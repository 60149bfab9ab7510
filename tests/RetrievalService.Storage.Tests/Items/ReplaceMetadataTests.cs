using System.Text.Json.Nodes;
using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Items;

public sealed class ReplaceMetadataTests
{
    private const string Model = "teacher-metadata";

    [Fact]
    public async Task Metadata_is_replaced_only_where_the_hash_still_matches_and_the_metadata_differs()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        var (a, b, c) = (Item("a", Unit(4, 0)), Item("b", Unit(4, 1)), Item("c", Unit(4, 2)));
        await gallery.Store.UpsertManyAsync(Model, [a, b, c with { Metadata = new JsonObject { ["v"] = 1 } }]);
        var before = await gallery.Store.GetAsync(Model, "b");

        var updated = await gallery.Store.ReplaceMetadataAsync(Model,
        [
            ("a", a.ContentSha256, new JsonObject { ["v"] = 2 }),
            ("b", new string('0', 64), new JsonObject { ["v"] = 2 }),
            ("c", c.ContentSha256, new JsonObject { ["v"] = 1 }),
            ("missing", a.ContentSha256, new JsonObject { ["v"] = 2 }),
        ]);

        Assert.Equal(["a"], updated);
        Assert.Equal(2, (int?)(await gallery.Store.GetAsync(Model, "a"))!.Metadata["v"]);
        var after = await gallery.Store.GetAsync(Model, "b");
        Assert.Equal(before!.Metadata.ToJsonString(), after!.Metadata.ToJsonString());
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(3L, await gallery.Store.CountAsync(Model));
    }
}

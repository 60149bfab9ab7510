using System.Text.Json.Nodes;
using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Items;

public sealed class UpdateDescriptionsTests
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

        var updated = await gallery.Store.UpdateDescriptionsAsync(Model,
        [
            ("a", a.ContentSha256, a.Source, new JsonObject { ["v"] = 2 }),
            ("b", new string('0', 64), "/elsewhere/b.jpg", new JsonObject { ["v"] = 2 }),
            ("c", c.ContentSha256, c.Source, new JsonObject { ["v"] = 1 }),
            ("missing", a.ContentSha256, a.Source, new JsonObject { ["v"] = 2 }),
        ]);

        Assert.Equal(["a"], updated);
        Assert.Equal(2, (int?)(await gallery.Store.GetAsync(Model, "a"))!.Metadata["v"]);
        var after = await gallery.Store.GetAsync(Model, "b");
        Assert.Equal(before!.Metadata.ToJsonString(), after!.Metadata.ToJsonString());
        Assert.Equal(before.Source, after.Source);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(3L, await gallery.Store.CountAsync(Model));
    }

    [Fact]
    public async Task A_new_source_is_stored_and_absent_metadata_keeps_what_is_stored()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        var a = Item("a", Unit(4, 0), new JsonObject { ["kind"] = "shoe" });
        var b = Item("b", Unit(4, 1));
        await gallery.Store.UpsertManyAsync(Model, [a, b]);

        var updated = await gallery.Store.UpdateDescriptionsAsync(Model,
        [
            ("a", a.ContentSha256, "debian:pkg/a.jpg", null),
            ("b", b.ContentSha256, b.Source, null),
        ]);

        Assert.Equal(["a"], updated);
        var stored = await gallery.Store.GetAsync(Model, "a");
        Assert.Equal("debian:pkg/a.jpg", stored!.Source);
        Assert.Equal("shoe", stored.Metadata["kind"]!.GetValue<string>());
    }
}

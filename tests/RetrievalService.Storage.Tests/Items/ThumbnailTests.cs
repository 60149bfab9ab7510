using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Items;

public sealed class ThumbnailTests
{
    private const string Model = "teacher-thumbnails";
    private static readonly byte[] Old = [0xFF, 0xD8, 1, 0xFF, 0xD9];
    private static readonly byte[] New = [0xFF, 0xD8, 2, 0xFF, 0xD9];

    [Fact]
    public async Task A_bulk_upsert_stores_thumbnails_and_new_content_replaces_them()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        await gallery.Store.UpsertManyAsync(Model, [Item("a", Unit(4, 0)) with { Thumbnail = Old }, Item("b", Unit(4, 1)) with { Thumbnail = Old }, Item("c", Unit(4, 2))]);

        var replaced = await gallery.Store.UpsertManyAsync(Model,
            [Item("a", Unit(4, 3), content: "v2") with { Thumbnail = New }, Item("b", Unit(4, 1), content: "v2")]);

        Assert.Equal(2, replaced.Updated);
        Assert.Equal(New, (await gallery.Store.GetThumbnailAsync(Model, "a"))!.Jpeg);
        // New content whose thumbnail could not be made must not show the old picture.
        Assert.Null((await gallery.Store.GetThumbnailAsync(Model, "b"))!.Jpeg);
        Assert.Null((await gallery.Store.GetThumbnailAsync(Model, "c"))!.Jpeg);
        Assert.Null(await gallery.Store.GetThumbnailAsync(Model, "missing"));
        Assert.True((await gallery.Store.GetAsync(Model, "a"))!.HasThumbnail);
        Assert.False((await gallery.Store.GetAsync(Model, "c"))!.HasThumbnail);
    }

    [Fact]
    public async Task The_same_content_without_a_thumbnail_keeps_the_stored_one_and_one_without_gets_it()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        var (a, b) = (Item("a", Unit(4, 0)), Item("b", Unit(4, 1)));
        await gallery.Store.UpsertManyAsync(Model, [a with { Thumbnail = Old }, b]);

        var again = await gallery.Store.UpsertManyAsync(Model, [a, b with { Thumbnail = New }]);

        Assert.Equal([false, true], again.Items.Select(i => i.Stored));
        Assert.Equal(Old, (await gallery.Store.GetThumbnailAsync(Model, "a"))!.Jpeg);
        Assert.Equal(New, (await gallery.Store.GetThumbnailAsync(Model, "b"))!.Jpeg);
    }

    [Fact]
    public async Task Thumbnails_are_added_only_to_rows_without_one_that_still_hold_the_same_content()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        var (a, b, c) = (Item("a", Unit(4, 0)), Item("b", Unit(4, 1)) with { Thumbnail = Old }, Item("c", Unit(4, 2)));
        await gallery.Store.UpsertManyAsync(Model, [a, b, c]);
        var before = await gallery.Store.GetAsync(Model, "a");

        var added = await gallery.Store.AddThumbnailsAsync(Model,
            [("a", a.ContentSha256, New), ("b", b.ContentSha256, New), ("c", Sha256("other"), New), ("missing", a.ContentSha256, New)]);

        Assert.Equal(["a"], added);
        Assert.Equal(New, (await gallery.Store.GetThumbnailAsync(Model, "a"))!.Jpeg);
        Assert.Equal(Old, (await gallery.Store.GetThumbnailAsync(Model, "b"))!.Jpeg);
        Assert.Null((await gallery.Store.GetThumbnailAsync(Model, "c"))!.Jpeg);
        Assert.Equal(before!.UpdatedAt, (await gallery.Store.GetAsync(Model, "a"))!.UpdatedAt);
        var stored = await gallery.Store.GetStoredContentAsync(Model, ["a", "c", "missing"]);
        Assert.Equal([("a", true), ("c", false)], stored.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.HasThumbnail)));
    }
}

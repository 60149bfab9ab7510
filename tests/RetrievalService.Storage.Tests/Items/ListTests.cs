using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Items;

public sealed class ListTests
{
    private const string Model = "teacher-listing";

    [Fact]
    public async Task Pages_follow_the_ids_in_byte_order_and_the_cursor_continues_after_the_last_id()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        // Upper case before lower case and ASCII before accents: byte order, whatever the database's collation says.
        string[] ids = ["b", "B", "a", "Z", "é", "a b", "a-1", "10", "9"];
        await gallery.Store.UpsertManyAsync(Model, [.. ids.Select((id, i) => Item(id, Unit(4, i % 4)) with { Thumbnail = i == 0 ? [1] : null })]);
        var expected = ids.OrderBy(id => id, StringComparer.Ordinal).ToList();

        var seen = new List<string>();
        string? after = null;
        while (await gallery.Store.ListAsync(Model, after, 4) is { Count: > 0 } page)
        {
            seen.AddRange(page.Select(p => p.Id));
            after = page[^1].Id;
        }

        Assert.Equal(expected, seen);
        var first = await gallery.Store.ListAsync(Model, null, 100);
        Assert.True(first.Single(p => p.Id == "b").HasThumbnail);
        Assert.False(first.Single(p => p.Id == "a").HasThumbnail);
        Assert.Equal(Model, first[0].ModelId);
        Assert.Empty(await gallery.Store.ListAsync(Model, "é", 10));
        Assert.Equal(["b", "é"], (await gallery.Store.ListAsync(Model, "a-1", 10)).Select(p => p.Id));
    }

    [Fact]
    public async Task A_cursor_that_is_no_id_is_refused()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);

        await Assert.ThrowsAsync<InvalidGalleryItemException>(() => gallery.Store.ListAsync(Model, "a/b", 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => gallery.Store.ListAsync(Model, null, 0));
    }

    [Fact]
    public async Task Replacing_metadata_changes_only_the_metadata_and_reports_a_missing_id()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        var a = Item("a", Unit(4, 0), new() { ["kind"] = "shoe", ["color"] = "red" }) with { Thumbnail = [1, 2] };
        await gallery.Store.UpsertManyAsync(Model, [a]);

        var replaced = await gallery.Store.ReplaceMetadataAsync(Model, "a", new() { ["kind"] = "boot" });
        var missing = await gallery.Store.ReplaceMetadataAsync(Model, "missing", new() { ["kind"] = "boot" });

        Assert.True(replaced);
        Assert.False(missing);
        var stored = await gallery.Store.GetAsync(Model, "a");
        Assert.Equal("""{"kind":"boot"}""", stored!.Metadata.ToJsonString());
        Assert.Equal(a.ContentSha256, stored.ContentSha256);
        Assert.True(stored.HasThumbnail);
        Assert.Equal(1L, await gallery.Store.CountAsync(Model));
    }
}

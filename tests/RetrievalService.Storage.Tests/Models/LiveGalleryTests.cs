using System.Text.Json.Nodes;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Models;

public sealed class LiveGalleryTests
{
    [Fact]
    public async Task The_first_declared_gallery_stays_live_whoever_declares_next()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync("teacher-a", 4);
        await gallery.Store.RegisterModelAsync("teacher-b", 8);
        await using var peer = gallery.CreatePeer();

        Assert.Null(await gallery.Store.GetLiveGalleryAsync());
        var first = await gallery.Store.DeclareLiveGalleryAsync("teacher-a");
        var second = await peer.DeclareLiveGalleryAsync("teacher-b");

        Assert.Equal(("teacher-a", null), (first.ModelId, first.PreviousModelId));
        Assert.Equal(first, second);
        await Assert.ThrowsAsync<UnknownModelException>(() => peer.DeclareLiveGalleryAsync("nobody"));
    }

    [Fact]
    public async Task A_gallery_becomes_live_only_when_it_holds_every_live_image_with_its_content_and_metadata_and_nothing_more()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        var store = gallery.Store;
        await store.RegisterModelAsync("teacher-a", 4);
        await store.RegisterModelAsync("teacher-b", 8);
        await store.DeclareLiveGalleryAsync("teacher-a");
        await store.UpsertManyAsync("teacher-a", [Item("x", Unit(4, 0), content: "x"), Item("y", Unit(4, 1), Meta("red"), "y"), Item("z", Unit(4, 2), content: "z")]);
        await store.UpsertManyAsync("teacher-b", [Item("x", Unit(8, 0), content: "x"), Item("y", Unit(8, 1), Meta("blue"), "y"), Item("w", Unit(8, 3), content: "w")]);

        var refused = await Assert.ThrowsAsync<GalleryIncompleteException>(() => store.SwitchLiveGalleryAsync("teacher-a", "teacher-b"));
        var c = refused.Comparison;
        Assert.Equal((3L, 3L, 1L, 1L, 1L, 1L), (c.LiveItems, c.NextItems, c.Missing, c.Stale, c.Extra, c.Matching));
        Assert.Equal(["z"], c.MissingIds);
        Assert.Equal(["y"], c.StaleIds);
        Assert.Equal(["w"], c.ExtraIds);
        Assert.Contains("'z'", refused.Message, StringComparison.Ordinal);
        Assert.Equal("teacher-a", (await store.GetLiveGalleryAsync())!.ModelId);

        await store.UpsertManyAsync("teacher-b", [Item("y", Unit(8, 1), Meta("red"), "y"), Item("z", Unit(8, 2), content: "z")]);
        await store.DeleteAsync("teacher-b", "w");
        Assert.True((await store.CompareGalleriesAsync("teacher-a", "teacher-b")).Complete);
        var live = await store.SwitchLiveGalleryAsync("teacher-a", "teacher-b");

        Assert.Equal(("teacher-b", "teacher-a"), (live.ModelId, live.PreviousModelId));
        await using var peer = gallery.CreatePeer();
        Assert.Equal(live, await peer.GetLiveGalleryAsync());
    }

    [Fact]
    public async Task Of_two_concurrent_switches_from_the_same_gallery_one_wins_and_the_other_is_told_what_is_live()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        var store = gallery.Store;
        foreach (var model in new[] { "teacher-a", "teacher-b", "teacher-c" })
        {
            await store.RegisterModelAsync(model, 4);
            await store.UpsertManyAsync(model, [Item("x", Unit(4, 0), content: "x")]);
        }
        await store.DeclareLiveGalleryAsync("teacher-a");
        await using var peer = gallery.CreatePeer();

        var outcomes = await Task.WhenAll(
            Attempt(() => store.SwitchLiveGalleryAsync("teacher-a", "teacher-b")),
            Attempt(() => peer.SwitchLiveGalleryAsync("teacher-a", "teacher-c")));

        Assert.Single(outcomes, o => o is null);
        var loser = Assert.Single(outcomes, o => o is not null)!;
        var live = (await store.GetLiveGalleryAsync())!;
        Assert.Contains($"'{live.ModelId}'", loser.Message, StringComparison.Ordinal);
        Assert.Equal("teacher-a", live.PreviousModelId);
    }

    [Fact]
    public async Task Dropping_removes_a_gallery_for_good_but_never_the_live_one()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        var store = gallery.Store;
        await store.RegisterModelAsync("teacher-a", 4);
        await store.RegisterModelAsync("teacher-b", 4);
        await store.UpsertManyAsync("teacher-a", [Item("x", Unit(4, 0), content: "x"), Item("y", Unit(4, 1), content: "y")]);
        await store.UpsertManyAsync("teacher-b", [Item("x", Unit(4, 0), content: "x"), Item("y", Unit(4, 1), content: "y")]);
        await store.DeclareLiveGalleryAsync("teacher-a");
        await store.SwitchLiveGalleryAsync("teacher-a", "teacher-b");

        var refused = await Assert.ThrowsAsync<LiveGalleryException>(() => store.DropModelAsync("teacher-b"));
        var dropped = await store.DropModelAsync("teacher-a");
        await using var peer = gallery.CreatePeer();

        Assert.Contains("live", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, dropped);
        Assert.Equal(["teacher-b"], (await peer.GetModelsAsync()).Select(m => m.ModelId));
        Assert.Null(await peer.FindModelAsync("teacher-a"));
        await Assert.ThrowsAsync<UnknownModelException>(() => store.CountAsync("teacher-a"));
        Assert.Equal(2, await peer.CountAsync("teacher-b"));
    }

    private static JsonObject Meta(string colour) => new() { ["colour"] = colour };

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (LiveGalleryException e)
        {
            return e;
        }
    }
}

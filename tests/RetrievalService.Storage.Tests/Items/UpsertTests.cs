using System.Text.Json.Nodes;
using RetrievalService.Storage.Model;
using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Items;

public sealed class UpsertTests
{
    private const string Model = "teacher-test";

    [Fact]
    public async Task An_upserted_item_reads_back_with_all_its_fields()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        var item = new GalleryItem("Ünïcode id #1", Sha256("bytes"), "photos/a b.jpg",
            new JsonObject { ["city"] = "Paris", ["tags"] = new JsonArray("x", "y") }, new[] { 0.5f, 0.5f, 0.5f, 0.5f });

        var outcome = await gallery.Store.UpsertAsync(Model, item);
        var stored = await gallery.Store.GetAsync(Model, item.Id);

        Assert.Equal(UpsertOutcome.Inserted, outcome);
        Assert.NotNull(stored);
        Assert.Equal((item.Id, Model, item.ContentSha256, item.Source), (stored.Id, stored.ModelId, stored.ContentSha256, stored.Source));
        Assert.Equal("Paris", (string?)stored.Metadata["city"]);
        Assert.Equal(item.Embedding.ToArray(), stored.Embedding);
        Assert.Equal(stored.CreatedAt, stored.UpdatedAt);
    }

    [Fact]
    public async Task Upserting_identical_values_is_unchanged_and_keeps_updated_at()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        var item = Item("a", Unit(4, 0), new JsonObject { ["k"] = 1 });
        await gallery.Store.UpsertAsync(Model, item);
        var before = await gallery.Store.GetAsync(Model, "a");

        var outcome = await gallery.Store.UpsertAsync(Model, item with { Metadata = new JsonObject { ["k"] = 1 } });

        Assert.Equal(UpsertOutcome.Unchanged, outcome);
        Assert.Equal(before!.UpdatedAt, (await gallery.Store.GetAsync(Model, "a"))!.UpdatedAt);
    }

    [Theory]
    [InlineData("content")]
    [InlineData("source")]
    [InlineData("metadata")]
    [InlineData("embedding")]
    public async Task Upserting_a_changed_field_updates_the_row(string field)
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        var item = Item("a", Unit(4, 0));
        await gallery.Store.UpsertAsync(Model, item);
        var changed = field switch
        {
            "content" => item with { ContentSha256 = Sha256("other bytes") },
            "source" => item with { Source = "elsewhere.jpg" },
            "metadata" => item with { Metadata = new JsonObject { ["new"] = true } },
            _ => item with { Embedding = Unit(4, 1) },
        };

        Assert.Equal(UpsertOutcome.Updated, await gallery.Store.UpsertAsync(Model, changed));
        var stored = await gallery.Store.GetAsync(Model, "a");
        Assert.Equal((changed.ContentSha256, changed.Source), (stored!.ContentSha256, stored.Source));
        Assert.Equal(changed.Embedding.ToArray(), stored.Embedding);
        Assert.Equal(1L, await gallery.Store.CountAsync(Model));
    }

    [Fact]
    public async Task Delete_removes_the_row_and_says_whether_it_existed()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        await gallery.Store.UpsertAsync(Model, Item("a", Unit(4, 0)));
        await gallery.Store.UpsertAsync(Model, Item("b", Unit(4, 1)));

        Assert.True(await gallery.Store.DeleteAsync(Model, "a"));
        Assert.False(await gallery.Store.DeleteAsync(Model, "a"));
        Assert.Null(await gallery.Store.GetAsync(Model, "a"));
        Assert.Equal(1L, await gallery.Store.CountAsync(Model));
    }

    [Fact]
    public async Task Content_hashes_are_returned_for_stored_ids_only()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        var a = Item("a", Unit(4, 0));
        await gallery.Store.UpsertAsync(Model, a);

        var hashes = await gallery.Store.GetContentHashesAsync(Model, ["a", "missing"]);

        Assert.Equal(new Dictionary<string, string> { ["a"] = a.ContentSha256 }, hashes);
    }
}

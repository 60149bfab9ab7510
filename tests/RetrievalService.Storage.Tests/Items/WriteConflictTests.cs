using System.Text.Json.Nodes;
using Npgsql;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Items;

/// <summary>A write the server aborts over a conflict with other work is a <see cref="GalleryBusyException"/> that changed nothing.</summary>
public sealed class WriteConflictTests
{
    private const string Model = "teacher-conflict";

    [Fact]
    public async Task A_write_that_meets_the_servers_lock_timeout_is_a_busy_error_and_leaves_the_row_as_it_was()
    {
        // The server's lock_timeout as an operator would set it on the role; here on the store's own connections only.
        await using var gallery = await DatabaseFixture.CreateGalleryAsync(options => options.ConnectionString =
            new NpgsqlConnectionStringBuilder(options.ConnectionString) { Options = "-c lock_timeout=200" }.ConnectionString);
        await gallery.Store.RegisterModelAsync(Model, 4);
        await gallery.Store.UpsertManyAsync(Model, [Item("a", Unit(4, 0), new JsonObject { ["v"] = 1 })]);
        var held = await HeldRowLock.TakeAsync(gallery.Options.ConnectionString, gallery.Options.Schema, Model, "a");

        var error = await Assert.ThrowsAsync<GalleryBusyException>(() => gallery.Store.ReplaceMetadataAsync(Model, "a", new JsonObject { ["v"] = 2 }));
        await held.DisposeAsync();

        Assert.Equal(PostgresErrorCodes.LockNotAvailable, error.SqlState);
        Assert.Contains("nothing of it was stored", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (int?)(await gallery.Store.GetAsync(Model, "a"))!.Metadata["v"]);
        Assert.True(await gallery.Store.ReplaceMetadataAsync(Model, "a", new JsonObject { ["v"] = 2 }));
        Assert.Equal(2, (int?)(await gallery.Store.GetAsync(Model, "a"))!.Metadata["v"]);
    }
}

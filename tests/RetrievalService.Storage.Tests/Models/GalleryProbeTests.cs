using Npgsql;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Models;

/// <summary>The readiness probe's read: it answers for an empty or a full gallery and fails for one that is gone.</summary>
public sealed class GalleryProbeTests
{
    private const string Model = "teacher-probe";

    [Fact]
    public async Task An_empty_and_a_filled_gallery_answer_an_unregistered_one_is_unknown_and_a_dropped_table_fails()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);

        await gallery.Store.ProbeAsync(Model);
        await gallery.Store.UpsertManyAsync(Model, [Item("a", Unit(4, 0))]);
        await gallery.Store.ProbeAsync(Model);
        await Assert.ThrowsAsync<UnknownModelException>(() => gallery.Store.ProbeAsync("teacher-never-registered"));
        await gallery.ScalarAsync($"DROP TABLE items_{await gallery.ScalarAsync($"SELECT model_key FROM models WHERE model_id = '{Model}'")}");
        var gone = await Assert.ThrowsAsync<PostgresException>(() => gallery.Store.ProbeAsync(Model));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, gone.SqlState);
    }
}

using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Migrations;

public sealed class ThumbnailMigrationTests
{
    private const string Model = "teacher-before-thumbnails";

    [Fact]
    public async Task The_thumbnail_migration_adds_the_column_and_the_byte_order_index_to_item_tables_created_before_it()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync(Model, 4);
        await gallery.Store.UpsertManyAsync(Model, [Item("kept", Unit(4, 0))]);
        var table = $"items_{await gallery.ScalarAsync($"SELECT model_key FROM models WHERE model_id = '{Model}'")}";
        // The table as a schema at version 4 had it.
        await gallery.ScalarAsync($"DROP INDEX {table}_id_bytes; ALTER TABLE {table} DROP COLUMN thumbnail; DELETE FROM schema_migrations WHERE version = 5");

        await using (var upgraded = gallery.CreatePeer())
        {
            await upgraded.EnsureSchemaAsync();
            var row = await upgraded.GetAsync(Model, "kept");
            Assert.False(row!.HasThumbnail);
        }

        Assert.Equal("bytea", await gallery.ScalarAsync($"SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' AND column_name = 'thumbnail'"));
        Assert.Equal(1L, await gallery.ScalarAsync($"SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '{table}_id_bytes'"));
        Assert.Equal(5, await gallery.ScalarAsync("SELECT max(version) FROM schema_migrations"));
    }
}

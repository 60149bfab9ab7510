using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Schema;
using RetrievalService.Storage.Tests.Infrastructure;

namespace RetrievalService.Storage.Tests.Migrations;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrating_an_empty_schema_applies_every_version_once()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();

        await gallery.Store.EnsureSchemaAsync();

        Assert.Equal((long)Storage.Schema.Migrations.All.Count, await gallery.ScalarAsync("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(Storage.Schema.Migrations.Latest, await gallery.ScalarAsync("SELECT max(version) FROM schema_migrations"));
        Assert.Equal(0L, await gallery.ScalarAsync("SELECT count(*) FROM models"));
    }

    [Fact]
    public async Task Migrating_again_from_a_new_process_changes_nothing()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.EnsureSchemaAsync();
        await gallery.Store.RegisterModelAsync("teacher-a", 8);
        var appliedAt = await gallery.ScalarAsync("SELECT max(applied_at) FROM schema_migrations");

        await using (var restarted = gallery.CreatePeer())
        {
            await restarted.EnsureSchemaAsync();
            Assert.Single(await restarted.GetModelsAsync());
        }

        Assert.Equal((long)Storage.Schema.Migrations.All.Count, await gallery.ScalarAsync("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(appliedAt, await gallery.ScalarAsync("SELECT max(applied_at) FROM schema_migrations"));
    }

    [Fact]
    public async Task Concurrent_start_ups_on_an_empty_schema_all_succeed_and_apply_each_version_once()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        var peers = Enumerable.Range(0, 6).Select(_ => gallery.CreatePeer()).ToList();
        try
        {
            await Task.WhenAll(peers.Select(p => Task.Run(() => p.EnsureSchemaAsync())));
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }
        }

        Assert.Equal((long)Storage.Schema.Migrations.All.Count, await gallery.ScalarAsync("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_schema_migrated_by_a_newer_build_is_refused()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.EnsureSchemaAsync();
        await gallery.ScalarAsync("INSERT INTO schema_migrations (version, name) VALUES (9999, 'from the future')");

        await using var older = gallery.CreatePeer();
        var error = await Assert.ThrowsAsync<SchemaVersionException>(() => older.EnsureSchemaAsync());

        Assert.Equal(9999, error.DatabaseVersion);
        Assert.Equal(Storage.Schema.Migrations.Latest, error.KnownVersion);
    }

    [Fact]
    public async Task The_hosted_initializer_migrates_at_start_up()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();

        await new GallerySchemaInitializer(gallery.Store).StartAsync(CancellationToken.None);

        Assert.Equal(Storage.Schema.Migrations.Latest, await gallery.ScalarAsync("SELECT max(version) FROM schema_migrations"));
    }
}

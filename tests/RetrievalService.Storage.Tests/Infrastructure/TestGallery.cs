using Npgsql;
using RetrievalService.Storage;

namespace RetrievalService.Storage.Tests.Infrastructure;

/// <summary>One test's isolated gallery: its own schema, its own store, dropped on dispose.</summary>
public sealed class TestGallery(GalleryStoreOptions options) : IAsyncDisposable
{
    public GalleryStoreOptions Options { get; } = options;

    public GalleryStore Store { get; } = GalleryStore.Create(options);

    /// <summary>Another store (own pool) on the same schema, as a second process would have.</summary>
    public GalleryStore CreatePeer() => GalleryStore.Create(Options);

    /// <summary>Runs <paramref name="sql"/> in the gallery's schema and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(Options.ConnectionString) { SearchPath = $"{Options.Schema}, public" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await ScalarAsync($"DROP SCHEMA IF EXISTS {Options.Schema} CASCADE");
    }
}

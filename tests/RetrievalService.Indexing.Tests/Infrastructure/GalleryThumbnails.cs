using Npgsql;

namespace RetrievalService.Indexing.Tests.Infrastructure;

/// <summary>Reads and rewrites a schema's thumbnails and vectors with plain SQL, around the store's API.</summary>
public static class GalleryThumbnails
{
    /// <summary>Every row's thumbnail by id (null where it has none).</summary>
    public static async Task<Dictionary<string, byte[]?>> ReadAsync(string schema) =>
        await QueryAsync(schema, "SELECT id, thumbnail FROM {0}", reader => reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1));

    /// <summary>Every row's updated_at by id.</summary>
    public static async Task<Dictionary<string, DateTime>> UpdatedAtAsync(string schema) =>
        await QueryAsync(schema, "SELECT id, updated_at FROM {0}", reader => reader.GetDateTime(1));

    /// <summary>Runs <paramref name="sql"/> with <c>{0}</c> standing for the teacher's table: e.g. a gallery as it was before thumbnails.</summary>
    public static async Task ExecuteAsync(string schema, string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, await TableAsync(connection, schema)), connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Dictionary<string, T>> QueryAsync<T>(string schema, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, await TableAsync(connection, schema)), connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, T>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = read(reader);
        }
        return rows;
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string> TableAsync(NpgsqlConnection connection, string schema)
    {
        await using var find = new NpgsqlCommand($"SELECT model_key FROM \"{schema}\".models WHERE model_id = @m", connection);
        find.Parameters.AddWithValue("m", GalleryRows.TeacherId);
        return $"\"{schema}\".items_{(int)(await find.ExecuteScalarAsync())!}";
    }
}

using Npgsql;

namespace RetrievalService.ScaleBench;

/// <summary>What the server is and how much room the bench schema's gallery takes, read from the catalog.</summary>
internal static class ServerFacts
{
    public sealed record Relation(string Name, long Bytes, long ToastBytes);

    public static async Task<string> VersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT current_setting('server_version'), (SELECT extversion FROM pg_extension WHERE extname = 'vector'),
                   current_setting('shared_buffers')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"PostgreSQL {reader.GetString(0)}, pgvector {reader.GetString(1)}, `shared_buffers = {reader.GetString(2)}`";
    }

    /// <summary>The items table and its indexes in <paramref name="schema"/>, largest first (TOAST beside its table).</summary>
    public static async Task<IReadOnlyList<Relation>> GalleryRelationsAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, pg_relation_size(c.oid), coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0::oid)), 0)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'i') AND c.relname LIKE 'items%'
            ORDER BY 2 DESC
            """, connection);
        command.Parameters.AddWithValue("schema", schema);
        var relations = new List<Relation>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            relations.Add(new Relation(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }
        return relations;
    }

    public static async Task DropSchemaAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

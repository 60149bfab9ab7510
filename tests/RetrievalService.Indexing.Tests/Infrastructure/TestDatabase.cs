using Npgsql;
using RetrievalService.Storage;

namespace RetrievalService.Indexing.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL + pgvector: <c>RETRIEVAL_DB</c>, or the private cluster of <c>scripts/db.sh start</c>.
/// Resolved once per run; a missing database fails the tests with the script's output, never skips them.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<string>> Resolved = new(() => LocalDatabase.ResolveConnectionStringAsync());

    public static Task<string> ConnectionStringAsync() => Resolved.Value;

    /// <summary>A fresh schema name, so each test's rows are its own.</summary>
    public static string NewSchema() => "idx_" + Guid.NewGuid().ToString("N")[..12];

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

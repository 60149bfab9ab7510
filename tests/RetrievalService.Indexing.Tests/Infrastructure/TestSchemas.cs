using Npgsql;

namespace RetrievalService.Indexing.Tests.Infrastructure;

/// <summary>Schemas of their own on the test database (<see cref="TestDatabase"/>), so each test's rows are its own.</summary>
public static class TestSchemas
{
    /// <summary>A fresh schema name.</summary>
    public static string NewSchema() => "idx_" + Guid.NewGuid().ToString("N")[..12];

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

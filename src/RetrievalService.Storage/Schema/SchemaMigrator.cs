using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Storage.Schema;

/// <summary>
/// Brings one schema to <see cref="Migrations.Latest"/> in a single transaction under <see cref="DdlLock"/>:
/// concurrent start-ups wait for each other and each migration runs exactly once; a failure applies none.
/// </summary>
internal sealed class SchemaMigrator(string schema, ILogger logger)
{
    /// <summary>Returns true when it created the <c>vector</c> extension (the data source must then reload types).</summary>
    public async Task<bool> MigrateAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await DdlLock.AcquireAsync(connection, tx, ct);
        var createdExtension = !await ScalarAsync<bool>(connection, tx,
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector')", ct);
        if (createdExtension)
        {
            // Created before the gallery schema exists, in public; an existing server may pre-create it elsewhere.
            await ExecuteAsync(connection, tx, "CREATE EXTENSION IF NOT EXISTS vector SCHEMA public", ct);
        }
        await ExecuteAsync(connection, tx, $"CREATE SCHEMA IF NOT EXISTS {SqlNames.Quote(schema)}", ct);
        await ExecuteAsync(connection, tx, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version int PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, ct);
        var current = await ScalarAsync<int>(connection, tx, "SELECT coalesce(max(version), 0) FROM schema_migrations", ct);
        if (current > Migrations.Latest)
        {
            throw new SchemaVersionException(schema, current, Migrations.Latest);
        }
        foreach (var migration in Migrations.All.Where(m => m.Version > current))
        {
            var watch = Stopwatch.StartNew();
            await ExecuteAsync(connection, tx, migration.Sql, ct);
            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", connection, tx);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            await record.ExecuteNonQueryAsync(ct);
            StorageLog.MigrationApplied(logger, migration.Version, migration.Name, schema, watch.ElapsedMilliseconds);
        }
        await tx.CommitAsync(ct);
        return createdExtension;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}

using Npgsql;

namespace RetrievalService.Storage.Schema;

/// <summary>
/// One transaction-scoped advisory lock for all gallery DDL in the database (migrations, extension creation,
/// model registration), so concurrent start-ups and indexers never race on <c>CREATE … IF NOT EXISTS</c>.
/// </summary>
internal static class DdlLock
{
    public static async Task AcquireAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(hashtextextended('retrieval-service.gallery-ddl', 0))",
            connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}

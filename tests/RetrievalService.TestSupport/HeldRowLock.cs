using Npgsql;

namespace RetrievalService.TestSupport;

/// <summary>
/// Another connection's transaction holding one gallery row <c>FOR UPDATE</c> until disposed (rolled back): the concurrent
/// work a write has to wait for.
/// </summary>
public sealed class HeldRowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private HeldRowLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    /// <summary>Locks the row <paramref name="id"/> of <paramref name="modelId"/>'s gallery in <paramref name="schema"/>.</summary>
    public static async Task<HeldRowLock> TakeAsync(string connectionString, string schema, string modelId, string id)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var table = new NpgsqlCommand("SELECT 'items_' || model_key FROM models WHERE model_id = @model", connection, transaction);
        table.Parameters.AddWithValue("model", modelId);
        var name = (string?)await table.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No gallery of model '{modelId}' in {schema}.");
        await using var lockRow = new NpgsqlCommand($"SELECT 1 FROM {name} WHERE id = @id FOR UPDATE", connection, transaction);
        lockRow.Parameters.AddWithValue("id", id);
        if (await lockRow.ExecuteScalarAsync() is null)
        {
            throw new InvalidOperationException($"No row '{id}' in the gallery of model '{modelId}'.");
        }
        return new HeldRowLock(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}

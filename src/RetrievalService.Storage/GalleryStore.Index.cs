using System.Diagnostics;
using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Schema;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>
    /// Drops the model's HNSW index. Before a large first load this makes COPY much faster; searches stay correct
    /// (exact scans) until <see cref="RebuildIndexAsync"/>.
    /// </summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task DropIndexAsync(string modelId, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(modelId, cancellationToken);
        await _retry.WriteAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"DROP INDEX IF EXISTS {SqlNames.HnswIndex(model.Key)}", connection);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    /// <summary>
    /// Builds the model's HNSW index with the current <see cref="GalleryStoreOptions.HnswM"/> and
    /// <see cref="GalleryStoreOptions.HnswEfConstruction"/>, replacing any existing one. Built
    /// <c>CONCURRENTLY</c> under a new name and swapped in, so searches and upserts continue meanwhile.
    /// </summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task<TimeSpan> RebuildIndexAsync(string modelId, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(modelId, cancellationToken);
        var index = SqlNames.HnswIndex(model.Key);
        var building = index + "_new";
        var watch = Stopwatch.StartNew();
        await _retry.WriteAsync(async (connection, ct) =>
        {
            // A build that was interrupted leaves an INVALID index under the temporary name: start over.
            await ExecuteAsync(connection, $"DROP INDEX IF EXISTS {building}", ct);
            await ExecuteAsync(connection, ModelTableSql.CreateHnswIndex(
                model, building, _options.HnswM, _options.HnswEfConstruction, concurrently: true), ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var swap = new NpgsqlCommand(
                $"DROP INDEX IF EXISTS {index}; ALTER INDEX {building} RENAME TO {index}", connection, tx);
            await swap.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return 0;
        }, cancellationToken);
        StorageLog.IndexBuilt(_logger, model.ModelId, _options.HnswM, _options.HnswEfConstruction, watch.ElapsedMilliseconds);
        return watch.Elapsed;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        // Index builds take minutes on large galleries; the connection string's default 30 s would cut them off.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}

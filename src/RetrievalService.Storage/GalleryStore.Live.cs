using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    // Long enough for a batch of writes in flight to commit; short enough that a busy gallery refuses rather than stalls.
    private const int SwitchLockTimeoutSeconds = 10;

    /// <summary>The teacher whose gallery answers searches; null until one is declared.</summary>
    public async Task<LiveGallery?> GetLiveGalleryAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await _retry.ReadAsync((c, ct) => ReadLiveAsync(c, null, forUpdate: false, ct), cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="modelId"/>'s gallery live when none is yet (a gallery that existed before switches were
    /// recorded, or a new one), and returns the live gallery, whichever it is.
    /// </summary>
    /// <exception cref="UnknownModelException">The model is not registered.</exception>
    public async Task<LiveGallery> DeclareLiveGalleryAsync(string modelId, CancellationToken cancellationToken = default)
    {
        await ModelAsync(modelId, cancellationToken);
        return await _retry.WriteAsync(async (connection, ct) =>
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO live_gallery (model_id) VALUES (@model_id) ON CONFLICT (singleton) DO NOTHING", connection);
            insert.Parameters.AddWithValue("model_id", modelId);
            if (await insert.ExecuteNonQueryAsync(ct) == 1)
            {
                StorageLog.LiveGalleryDeclared(_logger, modelId);
            }
            return (await ReadLiveAsync(connection, null, forUpdate: false, ct))!;
        }, cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="toModelId"/>'s gallery live in place of <paramref name="fromModelId"/>'s, atomically and only
    /// when it holds exactly the live gallery's images (<see cref="GalleryComparison.Complete"/>). Writes to both galleries
    /// wait while they are compared; searches do not. Switching to the live gallery changes nothing.
    /// </summary>
    /// <exception cref="LiveGalleryException"><paramref name="fromModelId"/> is not live (another switch came first), or writes kept the galleries locked.</exception>
    /// <exception cref="GalleryIncompleteException">The galleries differ; nothing was switched.</exception>
    /// <exception cref="UnknownModelException">A model is not registered.</exception>
    public async Task<LiveGallery> SwitchLiveGalleryAsync(string fromModelId, string toModelId, CancellationToken cancellationToken = default)
    {
        var from = await ModelAsync(fromModelId, cancellationToken);
        var to = await ModelAsync(toModelId, cancellationToken);
        var live = await _retry.WriteAsync(async (connection, ct) =>
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var current = await ReadLiveAsync(connection, tx, forUpdate: true, ct);
            if (current?.ModelId != fromModelId)
            {
                throw new LiveGalleryException(
                    $"The live gallery is {(current is null ? "not declared" : $"'{current.ModelId}'")}, not '{fromModelId}'; nothing was switched.");
            }
            if (fromModelId == toModelId)
            {
                return current;
            }
            // Writers to either gallery wait from here to the commit, so the comparison is the state the switch publishes.
            // The lock waits a bounded time behind long writes; the comparison reads both tables, however long they are.
            await using (var lockTables = new NpgsqlCommand(
                $"SET LOCAL lock_timeout = '{SwitchLockTimeoutSeconds}s'; LOCK TABLE {SqlNames.ItemsTable(from.Key)}, {SqlNames.ItemsTable(to.Key)} IN SHARE MODE",
                connection, tx) { CommandTimeout = 0 })
            {
                try
                {
                    await lockTables.ExecuteNonQueryAsync(ct);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
                {
                    throw new LiveGalleryException(
                        $"Writes kept the '{fromModelId}' and '{toModelId}' galleries busy for {SwitchLockTimeoutSeconds} s; nothing was switched. Switch again.");
                }
            }
            var comparison = await CompareAsync(connection, tx, from, to, ct);
            if (!comparison.Complete)
            {
                throw new GalleryIncompleteException(comparison);
            }
            await using var update = new NpgsqlCommand(
                "UPDATE live_gallery SET model_id = @to, previous_model_id = @from, switched_at = now() WHERE singleton", connection, tx);
            update.Parameters.AddWithValue("to", toModelId);
            update.Parameters.AddWithValue("from", fromModelId);
            await update.ExecuteNonQueryAsync(ct);
            var switched = (await ReadLiveAsync(connection, tx, forUpdate: false, ct))!;
            await tx.CommitAsync(ct);
            return switched;
        }, cancellationToken);
        if (live.PreviousModelId == fromModelId && live.ModelId == toModelId)
        {
            StorageLog.LiveGallerySwitched(_logger, fromModelId, toModelId);
        }
        return live;
    }

    /// <summary>
    /// Compares <paramref name="nextModelId"/>'s gallery with <paramref name="liveModelId"/>'s: what a switch would need.
    /// Reads both tables in full; cost grows with the gallery.
    /// </summary>
    /// <exception cref="UnknownModelException">A model is not registered.</exception>
    public async Task<GalleryComparison> CompareGalleriesAsync(string liveModelId, string nextModelId, CancellationToken cancellationToken = default)
    {
        var live = await ModelAsync(liveModelId, cancellationToken);
        var next = await ModelAsync(nextModelId, cancellationToken);
        return await _retry.ReadAsync((c, ct) => CompareAsync(c, null, live, next, ct), cancellationToken);
    }

    private static async Task<LiveGallery?> ReadLiveAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, bool forUpdate, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT model_id, previous_model_id, switched_at FROM live_gallery WHERE singleton" + (forUpdate ? " FOR UPDATE" : ""), connection, tx);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new LiveGallery(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }
}

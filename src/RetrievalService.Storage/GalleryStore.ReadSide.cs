using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    // Between two looks at whether a standby has replayed a position: replay usually follows within milliseconds.
    private static readonly TimeSpan ReplayPollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The primary's write-ahead log position now: every write that has returned is at or before it, so a search with
    /// <see cref="SearchRequest.After"/> set to it sees them all.
    /// </summary>
    /// <exception cref="GalleryUnavailableException">The primary cannot be reached.</exception>
    public Task<GalleryPosition> GetWritePositionAsync(CancellationToken cancellationToken = default) =>
        _retry.ReadAsync(async (connection, ct) =>
        {
            // The insert position: it covers every commit that has returned even where synchronous_commit is off and a
            // commit returns before its flush; a standby reaches it once the primary has flushed and sent it.
            await using var command = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()", connection);
            return new GalleryPosition((ulong)(NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(ct))!);
        }, cancellationToken);

    /// <summary>
    /// Runs an idempotent read on the read side when there is one. A read side that cannot be reached at all sends the
    /// read to the primary, so a lost standby costs load, not answers; so does a standby that has not yet replayed the
    /// creation of a model's table.
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        if (_readRetry is null)
        {
            return await _retry.ReadAsync(read, ct);
        }
        try
        {
            return await _readRetry.ReadAsync(read, ct);
        }
        catch (GalleryUnavailableException e) when (!ct.IsCancellationRequested)
        {
            StorageLog.ReadSideUnavailable(_logger, e.Message);
            return await _retry.ReadAsync(read, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            StorageLog.ReadSideUnavailable(_logger, e.MessageText);
            return await _retry.ReadAsync(read, ct);
        }
    }

    /// <summary>
    /// As <see cref="ReadAsync{T}"/>, on a node that has replayed <paramref name="after"/>: a read-side connection that has
    /// (each look may land on another standby), or the primary once <see cref="GalleryStoreOptions.ReplicaWaitMs"/> has passed.
    /// </summary>
    private async Task<T> ReadAfterAsync<T>(GalleryPosition? after, Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        if (after is not { } position || _readRetry is null)
        {
            return await ReadAsync(read, ct);
        }
        var deadline = Stopwatch.GetTimestamp() + _options.ReplicaWaitMs * Stopwatch.Frequency / 1000;
        try
        {
            while (true)
            {
                var (served, result) = await _readRetry.ReadAsync(async (connection, token) =>
                    await HasReplayedAsync(connection, position, token) ? (true, await read(connection, token)) : (false, default(T)!), ct);
                if (served)
                {
                    return result;
                }
                if (Stopwatch.GetTimestamp() >= deadline)
                {
                    break;
                }
                await Task.Delay(ReplayPollInterval, ct);
            }
            StorageLog.ReadAfterFromPrimary(_logger, position.ToString(), _options.ReplicaWaitMs);
        }
        catch (GalleryUnavailableException e) when (!ct.IsCancellationRequested)
        {
            StorageLog.ReadSideUnavailable(_logger, e.Message);
        }
        return await _retry.ReadAsync(read, ct);
    }

    // A primary (the read side's last resort) has every write it acknowledged.
    private static async Task<bool> HasReplayedAsync(NpgsqlConnection connection, GalleryPosition position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT NOT pg_is_in_recovery() OR coalesce(pg_last_wal_replay_lsn() >= @after, false)", connection);
        command.Parameters.AddWithValue("after", NpgsqlDbType.PgLsn, new NpgsqlLogSequenceNumber(position.Value));
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Storage.Database;

/// <summary>
/// Retries with exponential backoff and jitter where repeating is safe: opening a connection (nothing was sent
/// yet) and whole idempotent reads. Writes are never repeated here: a lost connection mid-write has an unknown
/// outcome, which <see cref="GalleryUnavailableException"/> reports so the caller can repeat the (idempotent) upsert.
/// Once the retries are spent, calls fail at once for <see cref="GalleryStoreOptions.OutageCooldownMs"/>: during an outage
/// every request would otherwise spend the whole backoff again, holding its caller's resources for nothing.
/// </summary>
internal sealed class DatabaseRetry(NpgsqlDataSource dataSource, GalleryStoreOptions options, ILogger logger)
{
    private readonly string _endpoint = GalleryDataSource.Endpoint(dataSource);
    private long _downUntil;

    public Task<NpgsqlConnection> OpenAsync(CancellationToken ct) =>
        RunAsync(async token => await dataSource.OpenConnectionAsync(token), ct);

    public Task<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken ct) =>
        RunAsync(async token =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(token);
            return await read(connection, token);
        }, ct);

    /// <summary>
    /// Runs a write on an opened connection; connection-level failures become <see cref="GalleryUnavailableException"/>,
    /// statements the server aborted over a conflict <see cref="GalleryBusyException"/>.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> write, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        try
        {
            return await write(connection, ct);
        }
        catch (NpgsqlException e) when (IsLostConnection(e) && !ct.IsCancellationRequested)
        {
            throw new GalleryUnavailableException(_endpoint, 1,
                "the connection failed during a write, so its outcome is unknown; repeating the upsert is safe", e);
        }
        catch (PostgresException e) when (IsConflictAbort(e) && !ct.IsCancellationRequested)
        {
            throw new GalleryBusyException(e.SqlState, e);
        }
    }

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken ct)
    {
        if (Stopwatch.GetTimestamp() < Volatile.Read(ref _downUntil))
        {
            throw new GalleryUnavailableException(_endpoint, 0, "it failed moments ago; not tried again until the cool-down ends", null);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await action(ct);
                Volatile.Write(ref _downUntil, 0);
                return result;
            }
            catch (NpgsqlException e) when (!ct.IsCancellationRequested && IsConnectionFailure(e))
            {
                if (!e.IsTransient || attempt > options.MaxRetries)
                {
                    Volatile.Write(ref _downUntil, Stopwatch.GetTimestamp() + options.OutageCooldownMs * Stopwatch.Frequency / 1000);
                    throw new GalleryUnavailableException(_endpoint, attempt, e.Message, e);
                }
                var delay = TimeSpan.FromMilliseconds(
                    options.RetryBaseDelayMs * Math.Pow(2, attempt - 1) * (0.8 + 0.4 * Random.Shared.NextDouble()));
                StorageLog.Retrying(logger, _endpoint, attempt, options.MaxRetries, (long)delay.TotalMilliseconds, e);
                await Task.Delay(delay, ct);
            }
            catch (PostgresException e) when (!ct.IsCancellationRequested && IsConflictAbort(e))
            {
                throw new GalleryBusyException(e.SqlState, e);
            }
        }
    }

    // The server rolled the statement back to settle a conflict with other work, or to honour a lock or statement timeout
    // an operator configured (57014 is also a cancel we asked for, which the callers' token checks tell apart).
    private static bool IsConflictAbort(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled;

    // A pooled connection to a server that has since shut down answers its next statement with 57P01 (admin shutdown)
    // rather than a socket error: the connection is as lost as when the socket breaks.
    private static bool IsLostConnection(NpgsqlException e) => e is not PostgresException pg
        || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
        || pg.SqlState.StartsWith("08", StringComparison.Ordinal);

    // SQL errors of the statement itself (syntax, constraint) are not availability problems; login and
    // server-state errors (class 08 connection, 28 authorization, 3D missing database, 57 shutdown) are, and so is a read a
    // standby cancelled because replay needed what it held (40001, "conflict with recovery"): the next try finds the rows replayed.
    // https://www.postgresql.org/docs/15/hot-standby.html#HOT-STANDBY-CONFLICT
    private static bool IsConnectionFailure(NpgsqlException e) => e is not PostgresException pg
        || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
        || pg.SqlState.StartsWith("28", StringComparison.Ordinal)
        || pg.SqlState.StartsWith("3D", StringComparison.Ordinal)
        || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
        || pg.SqlState == "53300"
        || pg.SqlState == "40001";
}

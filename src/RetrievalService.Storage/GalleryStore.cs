using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;
using RetrievalService.Storage.Schema;

namespace RetrievalService.Storage;

/// <summary>
/// The gallery in PostgreSQL + pgvector: one table per teacher model, bulk upserts by binary COPY, and k-NN
/// search over one model's rows. Thread-safe; one instance (and its connection pool) per process.
/// The schema is migrated on first use, or at host start-up with <see cref="GalleryStoreServiceCollectionExtensions.AddGalleryStore"/>.
/// With <see cref="GalleryStoreOptions.ReadConnectionString"/>, searches and image reads go to the read side (streaming
/// standbys) and everything else to the primary.
/// </summary>
public sealed partial class GalleryStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly GalleryStoreOptions _options;
    private readonly ILogger _logger;
    private readonly DatabaseRetry _retry;
    private readonly NpgsqlMultiHostDataSource? _readOwner;
    private readonly DatabaseRetry? _readRetry;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly ConcurrentDictionary<string, GalleryModel> _models = new(StringComparer.Ordinal);
    private volatile bool _schemaReady;

    private GalleryStore(GalleryStoreOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _dataSource = GalleryDataSource.Create(options);
        _retry = new DatabaseRetry(_dataSource, options, logger);
        if (!string.IsNullOrWhiteSpace(options.ReadConnectionString))
        {
            (_readOwner, var reads) = GalleryDataSource.CreateRead(options);
            _readRetry = new DatabaseRetry(reads, options, logger);
        }
    }

    /// <summary>Connection opening and read retries, for the other tables of the gallery schema (<see cref="Keys.ApiKeyStore"/>).</summary>
    internal DatabaseRetry Retry => _retry;

    /// <summary>The options this store was created with.</summary>
    public GalleryStoreOptions Options => _options;

    /// <summary>Creates a store with its own connection pool. Nothing is contacted until first use.</summary>
    public static GalleryStore Create(GalleryStoreOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        return new GalleryStore(options, (ILogger?)loggerFactory?.CreateLogger<GalleryStore>() ?? NullLogger.Instance);
    }

    /// <summary>
    /// Creates the <c>vector</c> extension if missing and applies pending migrations to the schema; later calls
    /// return at once. Safe to run from many processes at the same time.
    /// </summary>
    /// <exception cref="Errors.GalleryUnavailableException">The database cannot be reached.</exception>
    /// <exception cref="Errors.SchemaVersionException">The schema is newer than this build.</exception>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (_schemaReady)
        {
            return;
        }
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }
            var migrator = new SchemaMigrator(_options.Schema, _logger);
            var createdExtension = await _retry.WriteAsync(migrator.MigrateAsync, cancellationToken);
            // The pool may have loaded its type catalog before `vector` existed, created by this process or by a
            // concurrent one while this one waited for the DDL lock (docs/platform.md#pgvector-limits); one reload per store covers both.
            await _dataSource.ReloadTypesAsync(cancellationToken);
            if (createdExtension)
            {
                StorageLog.ExtensionCreated(_logger);
            }
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>Closes the connection pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        if (_readOwner is not null)
        {
            await _readOwner.DisposeAsync();
        }
        _schemaGate.Dispose();
    }
}

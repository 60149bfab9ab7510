using Microsoft.Extensions.Logging;

namespace RetrievalService.Storage;

/// <summary>Source-generated log messages of the gallery store.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Gallery database {Endpoint} unavailable (attempt {Attempt}, up to {MaxRetries} retries); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string endpoint, int attempt, int maxRetries, long delayMs, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Applied gallery migration {Version} ({Name}) to schema {Schema} in {ElapsedMs} ms")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, string schema, long elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Created extension vector")]
    public static partial void ExtensionCreated(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Registered model {ModelId} ({Dimension}-d, {VectorType}) as table {Table}")]
    public static partial void ModelRegistered(ILogger logger, string modelId, int dimension, string vectorType, string table);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug,
        Message = "Upserted {Count} items of model {ModelId}: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged in {ElapsedMs} ms")]
    public static partial void BulkUpserted(ILogger logger, int count, string modelId, int inserted, int updated, int unchanged, long elapsedMs);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug,
        Message = "HNSW search of model {ModelId} returned {Returned} of k={K}; repeated as an exact scan")]
    public static partial void SearchFellBackToExact(ILogger logger, string modelId, int returned, int k);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information,
        Message = "Built HNSW index of model {ModelId} (m={M}, ef_construction={EfConstruction}) in {ElapsedMs} ms")]
    public static partial void IndexBuilt(ILogger logger, string modelId, int m, int efConstruction, long elapsedMs);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning,
        Message = "The gallery of model {ModelId} had no recorded image pipeline (indexed before it was recorded); it is now recorded as {Preprocessing}")]
    public static partial void PreprocessingAdopted(ILogger logger, string modelId, string preprocessing);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information,
        Message = "The gallery of model {ModelId} is live (none was declared)")]
    public static partial void LiveGalleryDeclared(ILogger logger, string modelId);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "Switched the live gallery from model {FromModelId} to model {ToModelId}")]
    public static partial void LiveGallerySwitched(ILogger logger, string fromModelId, string toModelId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning,
        Message = "Dropped the gallery of model {ModelId} ({Images} images)")]
    public static partial void GalleryDropped(ILogger logger, string modelId, long images);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning,
        Message = "The gallery's read side is unavailable ({Reason}); reading from the primary")]
    public static partial void ReadSideUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information,
        Message = "No standby had replayed position {Position} within {WaitMs} ms; reading from the primary")]
    public static partial void ReadAfterFromPrimary(ILogger logger, string position, int waitMs);
}

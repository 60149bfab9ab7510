using Microsoft.Extensions.Logging;

namespace RetrievalService.Indexing;

/// <summary>Source-generated log messages of indexing.</summary>
internal static partial class IndexingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Indexed {Count} items with the teacher: {Stored} stored, {Unchanged} unchanged, {Rejected} rejected, {ThumbnailsAdded} thumbnails added in {ElapsedMs} ms")]
    public static partial void Indexed(ILogger logger, int count, int stored, int unchanged, int rejected, int thumbnailsAdded, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug,
        Message = "Rejected {Id} ({Source}): {Code}: {Reason}")]
    public static partial void Rejected(ILogger logger, string id, string source, string? code, string? reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug,
        Message = "Committed {Rows} rows of teacher {TeacherId} in {ElapsedMs} ms")]
    public static partial void BatchCommitted(ILogger logger, int rows, string teacherId, long elapsedMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "No thumbnail for {Id} ({Source}): {Reason}; the row is stored without one")]
    public static partial void ThumbnailFailed(ILogger logger, string id, string source, string? reason);
}

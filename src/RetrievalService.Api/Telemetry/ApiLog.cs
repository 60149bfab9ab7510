namespace RetrievalService.Api.Telemetry;

/// <summary>The API's source-generated log messages.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Model {ModelId} ({Role}, {Dimension}-d) ready on {ExecutionProvider}")]
    public static partial void ModelReady(ILogger logger, string modelId, string role, int dimension, string executionProvider);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "A batch of {BatchSize} queries failed in model {ModelId}")]
    public static partial void BatchFailed(ILogger logger, string modelId, int batchSize, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Search {Mode} with {QueryModel} k={K} expand={Expand}: {HitCount} hits, decode {DecodeMs:F1} ms, embed {EmbedMs:F1} ms, search {SearchMs:F1} ms")]
    public static partial void Searched(ILogger logger, string mode, string queryModel, int k, int expand, int hitCount, double decodeMs, double embedMs, double searchMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Request refused with {StatusCode} ({ProblemCode}): {Detail}")]
    public static partial void ClientError(ILogger logger, int statusCode, string problemCode, string detail);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Gallery database unavailable; answering 503: {Detail}")]
    public static partial void DatabaseUnavailable(ILogger logger, string detail);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Unhandled error")]
    public static partial void Unhandled(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "The live gallery moved from {FromTeacher} to {ToTeacher} (served here: {Served})")]
    public static partial void LiveGalleryChanged(ILogger logger, string fromTeacher, string toTeacher, bool served);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Could not read the live gallery or measure the galleries; keeping the last state: {Detail}")]
    public static partial void GalleryMonitorFailed(ILogger logger, string detail);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "A write succeeded but the primary's log position could not be read; answering without X-Gallery-Position: {Detail}")]
    public static partial void WritePositionUnavailable(ILogger logger, string detail);
}

using Microsoft.Extensions.Logging;

namespace RetrievalService.Embedding.Inference;

/// <summary>Source-generated log messages of model loading.</summary>
internal static partial class EmbedderLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "CUDA was requested for model {ModelId} on device {DeviceId} but is unavailable; running on CPU")]
    public static partial void CudaUnavailable(ILogger logger, string modelId, int deviceId, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "CUDA is unavailable for model {ModelId} (provider Auto); running on CPU")]
    public static partial void AutoFellBackToCpu(ILogger logger, string modelId, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Loaded model {ModelId} ({Dimension}-d) on {ExecutionProvider} in {LoadMs} ms")]
    public static partial void Loaded(ILogger logger, string modelId, int dimension, ExecutionProviderKind executionProvider, long loadMs);
}

using System.ComponentModel.DataAnnotations;

namespace RetrievalService.Api.Configuration;

/// <summary>Micro-batching of query embeddings: concurrent queries of equal size share one ONNX Runtime call.</summary>
public sealed class BatchingOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string SectionName = "Api:Batching";

    /// <summary>Most queries per model call.</summary>
    [Range(1, 256)]
    public int MaxBatchSize { get; set; } = 8;

    /// <summary>How long a worker waits for more queries after the first one, in milliseconds (0: take only what is queued).</summary>
    [Range(0, 1000)]
    public int MaxDelayMs { get; set; } = 2;

    /// <summary>Model calls in flight per model; 1 suits CPU inference, where one call already uses every core.</summary>
    [Range(1, 64)]
    public int WorkersPerModel { get; set; } = 1;

    /// <summary>Queries waiting per model; beyond this the request is refused with 503 rather than queued.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;
}

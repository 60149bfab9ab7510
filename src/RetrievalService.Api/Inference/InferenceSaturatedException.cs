namespace RetrievalService.Api.Inference;

/// <summary>The model's queue is full: the service is saturated and answers 503 at once rather than queue without bound.</summary>
public sealed class InferenceSaturatedException(string modelId, int capacity)
    : Exception($"The '{modelId}' embedding queue is full ({capacity} queries waiting); retry shortly.")
{
    /// <summary>The saturated model.</summary>
    public string ModelId { get; } = modelId;
}

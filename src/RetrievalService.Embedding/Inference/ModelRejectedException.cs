namespace RetrievalService.Embedding.Inference;

/// <summary>
/// A model was refused at load: its file is missing or altered, or its graph disagrees with its manifest.
/// Nothing is served from a model that throws this.
/// </summary>
public sealed class ModelRejectedException(string modelId, string reason, Exception? innerException = null)
    : Exception($"Model '{modelId}' was not loaded: {reason}", innerException)
{
    /// <summary>The manifest's model id.</summary>
    public string ModelId { get; } = modelId;
}

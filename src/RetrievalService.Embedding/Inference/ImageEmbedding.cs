namespace RetrievalService.Embedding.Inference;

/// <summary>The embedding of one image.</summary>
/// <param name="Vector">Unit-length vector of the model's output dimension.</param>
/// <param name="Format">Container format that was decoded, e.g. <c>JPEG</c>.</param>
/// <param name="Width">Width fed to the model, after orientation and resizing.</param>
/// <param name="Height">Height fed to the model, after orientation and resizing.</param>
/// <param name="Timings">Time spent in each stage.</param>
public sealed record ImageEmbedding(float[] Vector, string Format, int Width, int Height, EmbeddingTimings Timings);

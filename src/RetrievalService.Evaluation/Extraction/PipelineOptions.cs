namespace RetrievalService.Evaluation.Extraction;

/// <summary>Concurrency of <see cref="EmbeddingPipeline"/>.</summary>
/// <param name="DecodeWorkers">Threads that read, decode, crop and resize (1–2 suit a small machine).</param>
/// <param name="Capacity">
/// Prepared images that may wait for the model. With the workers' own images in hand, at most
/// DecodeWorkers + Capacity + 1 images are in memory at once, however large the dataset.
/// </param>
public sealed record PipelineOptions(int DecodeWorkers = 1, int Capacity = 2)
{
    /// <summary>Throws for counts outside 1..16.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(DecodeWorkers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DecodeWorkers, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Capacity, 16);
    }
}

namespace RetrievalService.Indexing.Pipeline;

/// <summary>What one run may do differently; batch sizes and decode parallelism are <see cref="IndexingOptions"/>.</summary>
public sealed record PipelineSettings
{
    /// <summary>Re-embed and rewrite items even when their content hash is already stored.</summary>
    public bool Force { get; init; }

    /// <summary>Pause after each committed batch: throttles load on a shared database (and lets tests interrupt a run).</summary>
    public TimeSpan PauseAfterBatch { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Upper bound on encoded bytes read but not yet decoded (the file just read may wait on top of it), so huge files
    /// cannot exhaust memory; a file larger than the bound is read alone.
    /// </summary>
    public long ReadAheadBytes { get; init; } = 64L * 1024 * 1024;
}

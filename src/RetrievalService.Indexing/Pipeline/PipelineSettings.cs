namespace RetrievalService.Indexing.Pipeline;

/// <summary>Knobs of one pipeline run; batch sizes come from <see cref="IndexingOptions"/>.</summary>
public sealed record PipelineSettings
{
    /// <summary>Concurrent decode/resize workers (the embed and write stages have one each).</summary>
    public int DecodeWorkers { get; init; } = 1;

    /// <summary>Re-embed and rewrite files even when their content hash is already stored (e.g. new metadata).</summary>
    public bool Force { get; init; }

    /// <summary>Pause after each committed batch: throttles load on a shared database (and lets tests interrupt a run).</summary>
    public TimeSpan PauseAfterBatch { get; init; } = TimeSpan.Zero;

    /// <summary>Upper bound on encoded bytes read ahead of the decoders, so huge files cannot exhaust memory.</summary>
    public long ReadAheadBytes { get; init; } = 64L * 1024 * 1024;
}

using System.ComponentModel.DataAnnotations;

namespace RetrievalService.Indexing;

/// <summary>How indexing work is batched and spread; the teacher is <c>Models:Teacher</c> (<see cref="Embedding.Manifests.ModelsOptions"/>).</summary>
public sealed class IndexingOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string SectionName = "Indexing";

    /// <summary>Images per ONNX Runtime call (equal-sized images share one run).</summary>
    [Range(1, 256)]
    public int EmbedBatchSize { get; set; } = 8;

    /// <summary>Rows per COPY transaction; a committed batch is never lost, an interrupted one leaves nothing.</summary>
    [Range(1, 10_000)]
    public int WriteBatchSize { get; set; } = 64;

    /// <summary>Threads decoding and resizing images at once, for the API and the CLI alike (<c>--decode-workers</c>); 0 uses the processor count.</summary>
    [Range(0, 256)]
    public int DecodeParallelism { get; set; }

    /// <summary>The effective decode parallelism.</summary>
    public int EffectiveDecodeParallelism => DecodeParallelism > 0 ? DecodeParallelism : Environment.ProcessorCount;
}

using RetrievalService.Evaluation.Caching;
using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Running;

/// <summary>One evaluation: a dataset, a gallery model and (for asymmetric testing) a different query model.</summary>
public sealed record EvaluationRequest
{
    /// <summary>Native dataset folder, revisitop <c>gnd_*.pkl</c>, or a folder holding one.</summary>
    public required string Dataset { get; init; }

    /// <summary>Manifest of the model that embeds the gallery (the teacher in asymmetric testing).</summary>
    public required string GalleryManifest { get; init; }

    /// <summary>Manifest of the query model; <c>null</c> means the gallery model (symmetric testing).</summary>
    public string? QueryManifest { get; init; }

    /// <summary>Gallery longer side; <c>null</c> takes the gallery manifest's recommended side.</summary>
    public int? GallerySize { get; init; }

    /// <summary>Query longer side; <c>null</c> takes <see cref="GallerySize"/> if set, else the query manifest's side.</summary>
    public int? QuerySize { get; init; }

    /// <summary>Embed the gallery at scales 1, 1/√2, 1/2 combined by the GeM power mean (p = 3).</summary>
    public bool MultiScale { get; init; }

    /// <summary>Dataset to learn whitening on with the gallery model; applied to both sides.</summary>
    public string? WhitenOn { get; init; }

    /// <summary>Query expansion after the first search (both modes alike), or <c>null</c> for none.</summary>
    public QueryExpansion? QueryExpansion { get; init; }

    /// <summary>ONNX Runtime intra-op threads per session.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Threads that decode and resize images.</summary>
    public int DecodeWorkers { get; init; } = 1;

    /// <summary>Cache folder; <c>null</c> turns caching off.</summary>
    public string? CacheDirectory { get; init; } = EmbeddingCache.DefaultDirectory;
}

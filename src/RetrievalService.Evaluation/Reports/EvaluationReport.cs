using RetrievalService.Evaluation.Metrics;

namespace RetrievalService.Evaluation.Reports;

/// <summary>Everything one evaluation produced, in the shape the JSON report is written in.</summary>
public sealed record EvaluationReport
{
    public required DatasetSummary Dataset { get; init; }

    /// <summary><c>symmetric</c> (one model) or <c>asymmetric</c> (query model ≠ gallery model).</summary>
    public required string Mode { get; init; }

    public required SideSummary Gallery { get; init; }

    public required SideSummary Queries { get; init; }

    /// <summary>Dataset the whitening was learned on (with the gallery model), or <c>null</c> for none.</summary>
    public string? Whitening { get; init; }

    /// <summary>Query expansion applied before the ranking that was scored (e.g. <c>αQE k=2 α=3</c>), or <c>null</c> for none.</summary>
    public string? QueryExpansion { get; init; }

    /// <summary>mAP and mP@k per protocol, all in 0..1.</summary>
    public required RevisitedResult Metrics { get; init; }

    /// <summary>Agreement of the query model with the gallery model on the gallery's images (asymmetric runs only).</summary>
    public TeacherAgreement? Agreement { get; init; }

    /// <summary>Images run through a model in this evaluation; 0 when every embedding came from the cache.</summary>
    public required int ImagesEmbedded { get; init; }

    /// <summary>Wall-clock seconds of the whole evaluation.</summary>
    public required double Seconds { get; init; }

    /// <summary>Dataset warnings and model-compatibility notes.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Which dataset was evaluated.</summary>
public sealed record DatasetSummary(string Name, string GroundTruthFile, int Images, int Queries);

/// <summary>How one side (gallery or queries) was embedded.</summary>
/// <param name="ModelId">Manifest id.</param>
/// <param name="ModelSha256">SHA-256 of the ONNX file.</param>
/// <param name="Settings">Size, scales and power-mean p.</param>
/// <param name="FromCache">Whether the embeddings came from the cache.</param>
/// <param name="CacheFile">Cache file read or written, if caching is on.</param>
public sealed record SideSummary(string ModelId, string ModelSha256, string Settings, bool FromCache, string? CacheFile);

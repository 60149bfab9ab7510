using RetrievalService.Evaluation.Metrics;

namespace RetrievalService.Evaluation.Reports;

/// <summary>The paper-style table: teacher→teacher, and for each student student→student and student→teacher.</summary>
public sealed record ComparisonReport
{
    public required DatasetSummary Dataset { get; init; }

    /// <summary>Manifest id of the teacher that embeds the gallery in asymmetric rows.</summary>
    public required string Teacher { get; init; }

    /// <summary>One row per (query model, gallery model) pair, teacher first.</summary>
    public required IReadOnlyList<ComparisonRow> Rows { get; init; }

    /// <summary>The retrieval protocol every row shares: gallery scales, whitening, query expansion.</summary>
    public string? Protocol { get; init; }

    /// <summary>How the query cost was measured (machine, threads, size).</summary>
    public required string CostMethod { get; init; }
}

/// <summary>One configuration of the comparison.</summary>
/// <param name="QueryModel">Manifest id of the query model.</param>
/// <param name="GalleryModel">Manifest id of the gallery model.</param>
/// <param name="Mode"><c>symmetric</c> or <c>asymmetric</c>.</param>
/// <param name="Metrics">mAP and mP@k per protocol, in 0..1.</param>
/// <param name="QueryCost">Measured cost of the query model.</param>
/// <param name="Agreement">Agreement of the query model with the gallery model (asymmetric rows), else <c>null</c>.</param>
public sealed record ComparisonRow(string QueryModel, string GalleryModel, string Mode, RevisitedResult Metrics, QueryCost QueryCost,
    TeacherAgreement? Agreement = null)
{
    /// <summary>Short label such as <c>student-mnv2-linear → teacher-resnet18-gem</c>.</summary>
    public string Label => $"{QueryModel} → {GalleryModel}";
}

/// <summary>Cost of embedding one query with a model.</summary>
/// <param name="MillisecondsPerImage">Mean model run time per query on this machine, one ORT thread.</param>
/// <param name="GigaMacs">Mean multiply-accumulates per query (10⁹), at the queries' actual tensor sizes.</param>
/// <param name="Images">Queries the time was measured over.</param>
/// <param name="LongerSide">Query longer side in pixels.</param>
public sealed record QueryCost(double MillisecondsPerImage, double? GigaMacs, int Images, int LongerSide);

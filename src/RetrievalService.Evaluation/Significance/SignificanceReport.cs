using RetrievalService.Evaluation.Reports;

namespace RetrievalService.Evaluation.Significance;

/// <summary>A candidate model's mAP against a baseline's on one dataset, per protocol, with bootstrap intervals.</summary>
public sealed record SignificanceReport
{
    public required DatasetSummary Dataset { get; init; }

    /// <summary>The baseline run's label and the report it was read from.</summary>
    public required string Baseline { get; init; }

    public required string BaselineReport { get; init; }

    public required string Candidate { get; init; }

    public required string CandidateReport { get; init; }

    /// <summary>Bootstrap draws, interval coverage and seed.</summary>
    public required int Resamples { get; init; }

    public required double Confidence { get; init; }

    public required int Seed { get; init; }

    /// <summary>How the intervals were made, in words.</summary>
    public required string Method { get; init; }

    /// <summary>Easy, Medium and Hard; a protocol with no scored query is left out.</summary>
    public required IReadOnlyList<MapComparison> Protocols { get; init; }
}

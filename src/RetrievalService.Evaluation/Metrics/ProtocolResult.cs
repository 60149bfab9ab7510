namespace RetrievalService.Evaluation.Metrics;

/// <summary>Mean metrics of one protocol over the queries it scores.</summary>
/// <param name="Protocol">Which protocol.</param>
/// <param name="MeanAveragePrecision">mAP in 0..1 over the scored queries (0 when none is scored).</param>
/// <param name="MeanPrecisionAt">mP@k in 0..1, keyed by k.</param>
/// <param name="Scored">Queries with at least one positive under this protocol.</param>
/// <param name="Skipped">Queries without a positive under this protocol, left out of the means.</param>
/// <param name="AveragePrecisions">Per-query AP in query order; <c>null</c> for a skipped query.</param>
public sealed record ProtocolResult(
    Protocol Protocol,
    double MeanAveragePrecision,
    IReadOnlyDictionary<int, double> MeanPrecisionAt,
    int Scored,
    int Skipped,
    IReadOnlyList<double?> AveragePrecisions);

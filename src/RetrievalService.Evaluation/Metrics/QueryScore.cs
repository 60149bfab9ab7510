namespace RetrievalService.Evaluation.Metrics;

/// <summary>Metrics of one query under one protocol.</summary>
/// <param name="AveragePrecision">Trapezoid-rule AP in 0..1.</param>
/// <param name="PrecisionAt">Precision at each requested k, revisitop's definition, in 0..1.</param>
public sealed record QueryScore(double AveragePrecision, IReadOnlyList<double> PrecisionAt);

using RetrievalService.Evaluation.Metrics;

namespace RetrievalService.Evaluation.Significance;

/// <summary>Two models' mAP under one protocol on the same queries, with bootstrap intervals (all mAPs in 0..1).</summary>
/// <param name="Protocol">Which protocol.</param>
/// <param name="Queries">Queries scored under the protocol (the same for both models: it depends on the ground truth only).</param>
/// <param name="Clusters">Independent units resampled: groups of scored queries of one instance (<see cref="QueryClusters"/>).</param>
/// <param name="BaselineMap">The baseline's mAP.</param>
/// <param name="CandidateMap">The candidate's mAP.</param>
/// <param name="Difference">Candidate − baseline.</param>
/// <param name="DifferenceLower">Lower end of the percentile interval of the difference.</param>
/// <param name="DifferenceUpper">Upper end of that interval.</param>
/// <param name="Ratio">Candidate / baseline; <c>null</c> when the baseline scores 0 on the full set or on some draw, where no ratio exists.</param>
/// <param name="RatioLower">Lower end of the percentile interval of the ratio.</param>
/// <param name="RatioUpper">Upper end of that interval.</param>
/// <param name="ProbabilityNotBetter">Share of resamples in which the candidate is not above the baseline (a one-sided bootstrap p-value for "the candidate is better").</param>
/// <param name="QueriesBetter">Queries whose AP is higher with the candidate.</param>
/// <param name="QueriesWorse">Queries whose AP is lower with the candidate.</param>
public sealed record MapComparison(
    Protocol Protocol,
    int Queries,
    int Clusters,
    double BaselineMap,
    double CandidateMap,
    double Difference,
    double DifferenceLower,
    double DifferenceUpper,
    double? Ratio,
    double? RatioLower,
    double? RatioUpper,
    double ProbabilityNotBetter,
    int QueriesBetter,
    int QueriesWorse);

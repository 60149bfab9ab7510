using RetrievalService.Evaluation.Datasets;

namespace RetrievalService.Evaluation.Metrics;

/// <summary>mAP and mP@k for the Easy, Medium and Hard protocols from per-query rankings.</summary>
public static class RevisitedEvaluation
{
    /// <summary>The k of mP@k that revisitop reports.</summary>
    public static readonly IReadOnlyList<int> DefaultKs = [1, 5, 10];

    /// <summary>Evaluates <paramref name="rankings"/>[q] (gallery indices, best first) against <paramref name="groundTruth"/>[q].</summary>
    public static RevisitedResult Evaluate(IReadOnlyList<int[]> rankings, IReadOnlyList<QueryGroundTruth> groundTruth, IReadOnlyList<int>? ks = null)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentNullException.ThrowIfNull(groundTruth);
        if (rankings.Count != groundTruth.Count)
        {
            throw new ArgumentException($"{rankings.Count} rankings for {groundTruth.Count} ground-truth entries.", nameof(rankings));
        }
        ks ??= DefaultKs;
        return new RevisitedResult(
            EvaluateProtocol(Protocol.Easy, rankings, groundTruth, ks),
            EvaluateProtocol(Protocol.Medium, rankings, groundTruth, ks),
            EvaluateProtocol(Protocol.Hard, rankings, groundTruth, ks));
    }

    private static ProtocolResult EvaluateProtocol(Protocol protocol, IReadOnlyList<int[]> rankings, IReadOnlyList<QueryGroundTruth> groundTruth, IReadOnlyList<int> ks)
    {
        var scores = new QueryScore?[rankings.Count];
        for (var q = 0; q < rankings.Count; q++)
        {
            var (positives, ignored) = ProtocolSets.For(groundTruth[q], protocol);
            scores[q] = RankedQueryMetrics.Compute(rankings[q], positives, ignored, ks);
        }
        var scored = scores.OfType<QueryScore>().ToList();
        double Mean(Func<QueryScore, double> value) => scored.Count == 0 ? 0 : scored.Average(value);
        var precision = ks.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => Mean(s => s.PrecisionAt[x.i]));
        return new ProtocolResult(protocol, Mean(s => s.AveragePrecision), precision, scored.Count,
            rankings.Count - scored.Count, scores.Select(s => s?.AveragePrecision).ToArray());
    }
}

namespace RetrievalService.Evaluation.Metrics;

/// <summary>
/// AP and P@k of one ranking, exactly as revisitop's <c>compute_map</c> / <c>compute_ap</c>
/// (github.com/filipradenovic/revisitop, python/evaluate.py).
/// </summary>
public static class RankedQueryMetrics
{
    /// <summary>
    /// Scores <paramref name="ranking"/> (gallery indices, best first), or returns <c>null</c> when
    /// <paramref name="positives"/> is empty: such a query is skipped by the protocol, not scored 0.
    /// </summary>
    /// <remarks>
    /// With r_j the 0-based rank of the j-th positive after removing ignored images ranked before it,
    /// AP = (1/n) Σ_j ½(P₀ + P₁), P₀ = j / r_j (1 when r_j = 0), P₁ = (j+1)/(r_j+1), n = |positives|.
    /// P@k: with 1-based adjusted ranks, kq = min(max rank, k) and P@k = #(ranks ≤ kq) / kq.
    /// An image that is both positive and ignored counts as a positive and does not shift itself, as in revisitop.
    /// </remarks>
    public static QueryScore? Compute(ReadOnlySpan<int> ranking, IReadOnlySet<int> positives, IReadOnlySet<int> ignored, IReadOnlyList<int> ks)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(ignored);
        ArgumentNullException.ThrowIfNull(ks);
        if (positives.Count == 0)
        {
            return null;
        }
        var adjusted = AdjustedRanks(ranking, positives, ignored);
        if (adjusted.Count < positives.Count)
        {
            throw new ArgumentException($"The ranking holds {adjusted.Count} of the {positives.Count} positives; exact evaluation needs a full ranking.", nameof(ranking));
        }
        return new QueryScore(AveragePrecision(adjusted, positives.Count), ks.Select(k => PrecisionAt(adjusted, k)).ToArray());
    }

    /// <summary>0-based ranks of the positives, in order, each reduced by the ignored images ranked before it.</summary>
    private static List<int> AdjustedRanks(ReadOnlySpan<int> ranking, IReadOnlySet<int> positives, IReadOnlySet<int> ignored)
    {
        var ranks = new List<int>(positives.Count);
        var ignoredBefore = 0;
        for (var position = 0; position < ranking.Length; position++)
        {
            var image = ranking[position];
            if (positives.Contains(image))
            {
                ranks.Add(position - ignoredBefore);
            }
            if (ignored.Contains(image))
            {
                ignoredBefore++;
            }
        }
        return ranks;
    }

    private static double AveragePrecision(List<int> ranks, int positiveCount)
    {
        var sum = 0.0;
        for (var j = 0; j < ranks.Count; j++)
        {
            var rank = ranks[j];
            var precision0 = rank == 0 ? 1.0 : (double)j / rank;
            var precision1 = (double)(j + 1) / (rank + 1);
            sum += (precision0 + precision1) / 2;
        }
        return sum / positiveCount;
    }

    private static double PrecisionAt(List<int> ranks, int k)
    {
        var cutoff = Math.Min(ranks[^1] + 1, k);
        return (double)ranks.Count(r => r + 1 <= cutoff) / cutoff;
    }
}

using RetrievalService.Evaluation.Metrics;

namespace RetrievalService.Evaluation.Significance;

/// <summary>
/// Paired cluster bootstrap of the mAP difference between two models on the same queries: the clusters of
/// <see cref="QueryClusters"/> are drawn with replacement, both models are scored on the same draw, and the
/// percentile interval of candidate − baseline (and of candidate / baseline) is reported.
/// </summary>
/// <remarks>
/// Pairing is what makes small test sets usable: most of the spread of one model's mAP comes from which
/// instances happen to be easy, and that cancels when both models are scored on the same draw.
/// The mAP of a draw weights every drawn query equally, as the protocol's mean does on the full set.
/// </remarks>
public static class PairedBootstrap
{
    /// <summary>Fewer resamples than this give percentile ends that move with the seed in the first digit.</summary>
    public const int MinimumResamples = 1000;

    /// <summary>Two APs closer than this count as a tie (they come from identical rankings).</summary>
    private const double Tie = 1e-12;

    /// <summary>Compares <paramref name="candidate"/> with <paramref name="baseline"/> under the same protocol.</summary>
    /// <param name="baseline">The baseline's result; its per-query APs are used.</param>
    /// <param name="candidate">The candidate's result on the same queries.</param>
    /// <param name="clusters">Cluster id per query (<see cref="QueryClusters.FromGroundTruth"/>).</param>
    /// <param name="resamples">Number of bootstrap draws, at least <see cref="MinimumResamples"/>.</param>
    /// <param name="confidence">Coverage of the intervals, in (0, 1), e.g. 0.95.</param>
    /// <param name="seed">Seed of the draws; the same seed gives the same intervals.</param>
    /// <exception cref="ArgumentException">The two results do not score the same queries, or an argument is out of range.</exception>
    public static MapComparison Compare(ProtocolResult baseline, ProtocolResult candidate, IReadOnlyList<int> clusters, int resamples, double confidence, int seed)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, MinimumResamples);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must lie strictly between 0 and 1.");
        }
        var groups = ScoredClusters(baseline, candidate, clusters);
        var baselineMap = Mean(groups, static g => g.BaselineSum);
        var candidateMap = Mean(groups, static g => g.CandidateSum);

        var differences = new double[resamples];
        var ratios = new List<double>(resamples);
        var notBetter = 0;
        var random = new Random(seed);
        for (var draw = 0; draw < resamples; draw++)
        {
            double count = 0, baselineSum = 0, candidateSum = 0;
            for (var i = 0; i < groups.Count; i++)
            {
                var group = groups[random.Next(groups.Count)];
                count += group.Count;
                baselineSum += group.BaselineSum;
                candidateSum += group.CandidateSum;
            }
            differences[draw] = (candidateSum - baselineSum) / count;
            if (differences[draw] <= 0)
            {
                notBetter++;
            }
            if (baselineSum > 0)
            {
                ratios.Add(candidateSum / baselineSum);
            }
        }

        var tail = (1 - confidence) / 2;
        var (better, worse) = Wins(baseline.AveragePrecisions, candidate.AveragePrecisions);
        var hasRatio = baselineMap > 0 && ratios.Count == resamples;
        Array.Sort(differences);
        ratios.Sort();
        return new MapComparison(
            baseline.Protocol,
            groups.Sum(static g => g.Count),
            groups.Count,
            baselineMap,
            candidateMap,
            candidateMap - baselineMap,
            QuantileOfSorted(differences, tail),
            QuantileOfSorted(differences, 1 - tail),
            hasRatio ? candidateMap / baselineMap : null,
            hasRatio ? QuantileOfSorted(ratios, tail) : null,
            hasRatio ? QuantileOfSorted(ratios, 1 - tail) : null,
            (double)notBetter / resamples,
            better,
            worse);
    }

    private sealed record ClusterSums(int Count, double BaselineSum, double CandidateSum);

    private static List<ClusterSums> ScoredClusters(ProtocolResult baseline, ProtocolResult candidate, IReadOnlyList<int> clusters)
    {
        var a = baseline.AveragePrecisions;
        var b = candidate.AveragePrecisions;
        if (baseline.Protocol != candidate.Protocol)
        {
            throw new ArgumentException($"Cannot compare {baseline.Protocol} with {candidate.Protocol}.", nameof(candidate));
        }
        if (a.Count != b.Count || a.Count != clusters.Count)
        {
            throw new ArgumentException(
                $"The results score {a.Count} and {b.Count} queries and the ground truth has {clusters.Count}: they are not the same query set.", nameof(candidate));
        }
        var sums = new SortedDictionary<int, ClusterSums>();
        for (var query = 0; query < a.Count; query++)
        {
            if (a[query].HasValue != b[query].HasValue)
            {
                throw new ArgumentException(
                    $"Query {query} is scored in one result and skipped in the other: the results were made on different ground truth.", nameof(candidate));
            }
            if (a[query] is not { } apA || b[query] is not { } apB)
            {
                continue;
            }
            var previous = sums.GetValueOrDefault(clusters[query], new ClusterSums(0, 0, 0));
            sums[clusters[query]] = new ClusterSums(previous.Count + 1, previous.BaselineSum + apA, previous.CandidateSum + apB);
        }
        if (sums.Count == 0)
        {
            throw new ArgumentException($"No query is scored under {baseline.Protocol}: there is nothing to compare.", nameof(baseline));
        }
        return [.. sums.Values];
    }

    private static double Mean(List<ClusterSums> groups, Func<ClusterSums, double> sum) =>
        groups.Sum(sum) / groups.Sum(static g => g.Count);

    private static (int Better, int Worse) Wins(IReadOnlyList<double?> baseline, IReadOnlyList<double?> candidate)
    {
        int better = 0, worse = 0;
        for (var query = 0; query < baseline.Count; query++)
        {
            if (baseline[query] is { } a && candidate[query] is { } b)
            {
                better += b > a + Tie ? 1 : 0;
                worse += b < a - Tie ? 1 : 0;
            }
        }
        return (better, worse);
    }

    /// <summary>The <paramref name="level"/> quantile by linear interpolation between order statistics (numpy's default).</summary>
    public static double Quantile(double[] values, double level) => QuantileOfSorted([.. values.Order()], level);

    private static double QuantileOfSorted(IReadOnlyList<double> sorted, double level)
    {
        var position = level * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}

using RetrievalService.Evaluation.Datasets;

namespace RetrievalService.Training.Data;

/// <summary>
/// Draws an epoch's (anchor query, positive) pairs from a training split: the anchor is a query with at least
/// one positive, the positive one of its easy or hard gallery images, uniformly. Junk is never a positive.
/// </summary>
public sealed class TupleSampler
{
    private readonly int[][] positives;
    private readonly int[] usable;

    /// <summary>Prepares the pairs of <paramref name="split"/> (a train split; the caller never passes a test split).</summary>
    public TupleSampler(RetrievalDataset split)
    {
        ArgumentNullException.ThrowIfNull(split);
        positives = split.GroundTruth.Select(g => g.Easy.Concat(g.Hard).Distinct().Order().ToArray()).ToArray();
        usable = Enumerable.Range(0, positives.Length).Where(q => positives[q].Length > 0).ToArray();
        if (usable.Length == 0)
        {
            throw new InvalidDataException($"{split.GroundTruthFile}: no query has an easy or hard positive; nothing to train on.");
        }
    }

    /// <summary>Queries that have at least one positive.</summary>
    public IReadOnlyList<int> UsableQueries => usable;

    /// <summary><paramref name="count"/> pairs drawn with <paramref name="random"/>.</summary>
    public IReadOnlyList<QueryPositivePair> Draw(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(random);
        var pairs = new List<QueryPositivePair>(count);
        while (pairs.Count < count)
        {
            // Shuffled rounds: every query serves as an anchor once before any serves twice.
            var round = usable.ToArray();
            random.Shuffle(round);
            foreach (var query in round.Take(count - pairs.Count))
            {
                var candidates = positives[query];
                pairs.Add(new QueryPositivePair(query, candidates[random.Next(candidates.Length)]));
            }
        }
        return pairs;
    }
}

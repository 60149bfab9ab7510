using RetrievalService.Evaluation.Search;

namespace RetrievalService.Training.Mining;

/// <summary>
/// Hard-negative mining (docs/method.md#mining): the negatives of a query are the pool images most similar to it that
/// are not of its instance, at most one per instance. Which network embedded each side is the caller's choice
/// (student queries against the teacher's pool for the asymmetric losses).
/// </summary>
public static class HardNegativeMiner
{
    /// <summary>For each query row, <paramref name="count"/> pool positions, most similar first.</summary>
    /// <param name="queries">Query vectors, one row per query (unit length: inner product = cosine).</param>
    /// <param name="queryInstances">Instance of each query.</param>
    /// <param name="pool">Pool vectors, one row per pool image.</param>
    /// <param name="poolInstances">Instance of each pool image.</param>
    /// <param name="count">Negatives per query.</param>
    /// <exception cref="InvalidOperationException">The pool holds fewer than <paramref name="count"/> other instances for some query.</exception>
    public static int[][] Mine(EmbeddingMatrix queries, IReadOnlyList<int> queryInstances, EmbeddingMatrix pool, IReadOnlyList<int> poolInstances, int count)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(queryInstances);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(poolInstances);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (queryInstances.Count != queries.Count || poolInstances.Count != pool.Count)
        {
            throw new ArgumentException($"{queries.Count} queries with {queryInstances.Count} labels, {pool.Count} pool images with {poolInstances.Count} labels.");
        }
        var scores = ExactSearch.Scores(pool, queries);
        var negatives = new int[queries.Count][];
        for (var q = 0; q < queries.Count; q++)
        {
            var ranking = ExactSearch.RankRow(scores.AsSpan(q * pool.Count, pool.Count));
            negatives[q] = Pick(ranking, queryInstances[q], poolInstances, count)
                ?? throw new InvalidOperationException(
                    $"The mining pool holds fewer than {count} instances other than query row {q}'s: lower --negatives or enlarge the pool.");
        }
        return negatives;
    }

    private static int[]? Pick(int[] ranking, int queryInstance, IReadOnlyList<int> poolInstances, int count)
    {
        var used = new HashSet<int> { queryInstance };
        var picked = new List<int>(count);
        foreach (var position in ranking)
        {
            // Add returns false for the query's own instance and for instances already used.
            if (used.Add(poolInstances[position]))
            {
                picked.Add(position);
                if (picked.Count == count)
                {
                    return [.. picked];
                }
            }
        }
        return null;
    }
}

using System.Globalization;

namespace RetrievalService.Evaluation.Search;

/// <summary>
/// α-weighted query expansion (αQE, Radenović, Tolias &amp; Chum, TPAMI 2019): each query is replaced by
/// L2N(q + Σᵢ max(0, q·gᵢ)^α gᵢ) over its top <see cref="Neighbours"/> gallery vectors gᵢ, then searched again.
/// In asymmetric testing the gᵢ are the teacher's own vectors, so the expanded query moves from the student's
/// estimate towards the teacher's space; in symmetric testing it is the usual αQE. Applied to both modes alike,
/// so an asymmetric/symmetric ratio under it compares like with like.
/// </summary>
/// <param name="Neighbours">Top gallery vectors folded into each query (k ≥ 1).</param>
/// <param name="Alpha">Exponent on their similarities (α ≥ 0; 0 is plain average query expansion).</param>
public sealed record QueryExpansion(int Neighbours, double Alpha)
{
    /// <summary>The exponent of the αQE paper's experiments.</summary>
    public const double DefaultAlpha = 3;

    /// <summary>Validates the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or α &lt; 0.</exception>
    public QueryExpansion Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Neighbours, 1, nameof(Neighbours));
        if (!(Alpha >= 0) || double.IsInfinity(Alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "α must be a finite number ≥ 0.");
        }
        return this;
    }

    /// <summary>One line for reports.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"αQE k={Neighbours} α={Alpha:0.##}");

    /// <summary>The expanded queries, one row per row of <paramref name="queries"/>.</summary>
    public EmbeddingMatrix Expand(EmbeddingMatrix gallery, EmbeddingMatrix queries)
    {
        ArgumentNullException.ThrowIfNull(gallery);
        ArgumentNullException.ThrowIfNull(queries);
        Validated();
        var scores = ExactSearch.Scores(gallery, queries);
        var expanded = new float[queries.Values.Length];
        var sum = new double[queries.Dimension];
        for (var q = 0; q < queries.Count; q++)
        {
            var row = scores.AsSpan(q * gallery.Count, gallery.Count);
            var query = queries.Row(q);
            for (var d = 0; d < sum.Length; d++)
            {
                sum[d] = query[d];
            }
            foreach (var g in Top(row, Neighbours))
            {
                // Negative similarities would push the query away from a neighbour; αQE weighs them as 0.
                var weight = Math.Pow(Math.Max(0.0, row[g]), Alpha);
                var neighbour = gallery.Row(g);
                for (var d = 0; d < sum.Length; d++)
                {
                    sum[d] += weight * neighbour[d];
                }
            }
            var norm = Math.Sqrt(sum.Sum(v => v * v));
            var target = expanded.AsSpan(q * queries.Dimension, queries.Dimension);
            for (var d = 0; d < sum.Length; d++)
            {
                target[d] = norm > 0 ? (float)(sum[d] / norm) : 0f;
            }
        }
        return new EmbeddingMatrix(queries.Count, queries.Dimension, expanded);
    }

    // The k best indices, ties by lower index: the order ExactSearch.RankRow gives, without sorting the whole row.
    private static int[] Top(ReadOnlySpan<float> scores, int k)
    {
        var count = Math.Min(k, scores.Length);
        var best = new List<int>(count + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            var position = best.Count;
            while (position > 0 && scores[best[position - 1]] < scores[i])
            {
                position--;
            }
            if (position < count)
            {
                best.Insert(position, i);
                if (best.Count > count)
                {
                    best.RemoveAt(count);
                }
            }
        }
        return [.. best];
    }
}

using System.Globalization;
using RetrievalService.Embedding.Retrieval;

namespace RetrievalService.Evaluation.Search;

/// <summary>
/// α-weighted query expansion (<see cref="AlphaQueryExpansion"/>) over the exact search: each query is replaced by
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
    public const double DefaultAlpha = AlphaQueryExpansion.DefaultAlpha;

    /// <summary>Validates the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or α &lt; 0.</exception>
    public QueryExpansion Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Neighbours, 1, nameof(Neighbours));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Neighbours, AlphaQueryExpansion.MaxNeighbours, nameof(Neighbours));
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
        for (var q = 0; q < queries.Count; q++)
        {
            var row = scores.AsSpan(q * gallery.Count, gallery.Count);
            var neighbours = new List<(double, ReadOnlyMemory<float>)>();
            // The exact search's own order (ties by lower index), so the neighbours are its top k.
            foreach (var g in ExactSearch.RankRow(row).Take(Neighbours))
            {
                neighbours.Add((row[g], gallery.Values.AsMemory(g * gallery.Dimension, gallery.Dimension)));
            }
            AlphaQueryExpansion.Expand(queries.Row(q), neighbours, Alpha, expanded.AsSpan(q * queries.Dimension, queries.Dimension));
        }
        return new EmbeddingMatrix(queries.Count, queries.Dimension, expanded);
    }
}

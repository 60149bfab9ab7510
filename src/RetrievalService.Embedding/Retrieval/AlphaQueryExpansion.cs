namespace RetrievalService.Embedding.Retrieval;

/// <summary>
/// α-weighted query expansion (αQE, Radenović, Tolias &amp; Chum, TPAMI 2019): a query q with nearest gallery vectors
/// g₁…g_k becomes L2N(q + Σᵢ max(0, sᵢ)^α gᵢ), sᵢ = q·gᵢ, and is searched again. With a student's query and the
/// teacher's gallery, the gᵢ are the teacher's own vectors: the expanded query moves from the student's estimate
/// towards the teacher's space, which is why it helps asymmetric search more than symmetric search
/// (docs/results/students/README.md, "Query expansion"). The evaluator and the service share this one definition.
/// </summary>
public static class AlphaQueryExpansion
{
    /// <summary>The exponent of the αQE paper's experiments, and the value chosen on photoviews' val split.</summary>
    public const double DefaultAlpha = 3;

    /// <summary>Neighbours the service and the evaluator accept at most.</summary>
    public const int MaxNeighbours = 100;

    /// <summary>Writes the expanded, L2-normalised query into <paramref name="destination"/>.</summary>
    /// <param name="query">The query vector (unit length, as the models return it).</param>
    /// <param name="neighbours">Its nearest gallery vectors with their similarity to it, any order.</param>
    /// <param name="alpha">Exponent on the similarities (≥ 0; 0 is plain average query expansion).</param>
    /// <param name="destination">As long as <paramref name="query"/>; may not overlap the neighbours.</param>
    /// <exception cref="ArgumentException">Lengths differ, or α is negative or not finite.</exception>
    public static void Expand(ReadOnlySpan<float> query, IReadOnlyList<(double Similarity, ReadOnlyMemory<float> Vector)> neighbours,
        double alpha, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        if (!(alpha >= 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be a finite number ≥ 0.");
        }
        if (destination.Length != query.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; the query has {query.Length}.", nameof(destination));
        }
        var sum = new double[query.Length];
        for (var d = 0; d < sum.Length; d++)
        {
            sum[d] = query[d];
        }
        foreach (var (similarity, vector) in neighbours)
        {
            if (vector.Length != query.Length)
            {
                throw new ArgumentException($"A neighbour has {vector.Length} values; the query has {query.Length}.", nameof(neighbours));
            }
            // A neighbour pointing away from the query would push it further off; αQE weighs it 0.
            var weight = Math.Pow(Math.Max(0.0, similarity), alpha);
            var values = vector.Span;
            for (var d = 0; d < sum.Length; d++)
            {
                sum[d] += weight * values[d];
            }
        }
        var norm = Math.Sqrt(sum.Sum(v => v * v));
        for (var d = 0; d < sum.Length; d++)
        {
            destination[d] = norm > 0 ? (float)(sum[d] / norm) : 0f;
        }
    }
}

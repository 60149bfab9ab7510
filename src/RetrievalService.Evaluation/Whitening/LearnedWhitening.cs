using RetrievalService.Embedding.Numerics;
using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Whitening;

/// <summary>
/// Learned whitening from matching pairs (Radenović et al., cirtorch <c>whitenlearn</c>; docs/evaluation.md#embedding):
/// m = mean of the pairs' query vectors, S = covariance of the pair differences, P₁ = chol(S)⁻¹,
/// E = eigenvectors of P₁(X − m)(X − m)ᵀP₁ᵀ over all vectors by descending eigenvalue, P = EᵀP₁.
/// </summary>
public static class LearnedWhitening
{
    /// <summary>
    /// Ridge added to S as a fraction of its mean diagonal. With fewer pairs than dimensions S is singular;
    /// the ridge keeps the Cholesky factor defined and is negligible when pairs are plentiful.
    /// </summary>
    public const double Shrinkage = 1e-3;

    /// <summary>Learns a whitening from <paramref name="vectors"/> and the (query row, positive row) <paramref name="pairs"/>.</summary>
    public static WhiteningTransform Learn(EmbeddingMatrix vectors, IReadOnlyList<(int Query, int Positive)> pairs)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            throw new ArgumentException("Learning a whitening needs at least one matching pair.", nameof(pairs));
        }
        var d = vectors.Dimension;
        var mean = new double[d];
        foreach (var (query, _) in pairs)
        {
            var row = vectors.Row(query);
            for (var k = 0; k < d; k++)
            {
                mean[k] += row[k] / (double)pairs.Count;
            }
        }
        var p1 = CholeskyFactor.Of(PairCovariance(vectors, pairs)).InverseLower();
        var (_, eigenvectors) = SymmetricEigen.Decompose(ProjectedScatter(vectors, mean, p1));
        var projection = new double[d * d];
        for (var r = 0; r < d; r++)
        {
            for (var c = 0; c < d; c++)
            {
                var sum = 0.0;
                for (var k = c; k < d; k++)
                {
                    sum += eigenvectors[r, k] * p1[k, c];
                }
                projection[r * d + c] = sum;
            }
        }
        return new WhiteningTransform(mean, projection, d);
    }

    private static double[,] PairCovariance(EmbeddingMatrix vectors, IReadOnlyList<(int Query, int Positive)> pairs)
    {
        var d = vectors.Dimension;
        var s = new double[d, d];
        var diff = new double[d];
        foreach (var (query, positive) in pairs)
        {
            var a = vectors.Row(query);
            var b = vectors.Row(positive);
            for (var k = 0; k < d; k++)
            {
                diff[k] = a[k] - b[k];
            }
            AddOuter(s, diff, 1.0 / pairs.Count);
        }
        var ridge = Shrinkage * Enumerable.Range(0, d).Average(i => s[i, i]) + 1e-12;
        for (var i = 0; i < d; i++)
        {
            s[i, i] += ridge;
        }
        return s;
    }

    private static double[,] ProjectedScatter(EmbeddingMatrix vectors, double[] mean, double[,] p1)
    {
        var d = vectors.Dimension;
        var scatter = new double[d, d];
        var y = new double[d];
        for (var i = 0; i < vectors.Count; i++)
        {
            var row = vectors.Row(i);
            for (var r = 0; r < d; r++)
            {
                var sum = 0.0;
                for (var k = 0; k <= r; k++)
                {
                    sum += p1[r, k] * (row[k] - mean[k]);
                }
                y[r] = sum;
            }
            AddOuter(scatter, y, 1.0 / vectors.Count);
        }
        return scatter;
    }

    private static void AddOuter(double[,] target, double[] v, double weight)
    {
        for (var i = 0; i < v.Length; i++)
        {
            var vi = v[i] * weight;
            for (var j = 0; j < v.Length; j++)
            {
                target[i, j] += vi * v[j];
            }
        }
    }
}

using RetrievalService.Evaluation.Search;
using RetrievalService.Evaluation.Whitening;

namespace RetrievalService.Evaluation.Tests.Metrics;

public sealed class LearnedWhiteningTests
{
    private const int Dimension = 6;

    [Fact]
    public void Pair_differences_have_identity_covariance_after_the_projection()
    {
        var (vectors, pairs) = Pairs(new Random(3), 200);

        var whitening = LearnedWhitening.Learn(vectors, pairs);

        var covariance = new double[Dimension, Dimension];
        foreach (var (q, p) in pairs)
        {
            var d = Project(whitening, vectors.Row(q), vectors.Row(p));
            for (var i = 0; i < Dimension; i++)
            {
                for (var j = 0; j < Dimension; j++)
                {
                    covariance[i, j] += d[i] * d[j] / pairs.Count;
                }
            }
        }
        // Not exact: the ridge (0.1 % of the mean diagonal) shrinks the smallest directions by up to about 1 %.
        for (var i = 0; i < Dimension; i++)
        {
            for (var j = 0; j < Dimension; j++)
            {
                Assert.Equal(i == j ? 1.0 : 0.0, covariance[i, j], tolerance: 0.02);
            }
        }
    }

    [Fact]
    public void Output_dimensions_come_in_descending_order_of_variance()
    {
        var (vectors, pairs) = Pairs(new Random(4), 200);
        var whitening = LearnedWhitening.Learn(vectors, pairs);
        var zero = new float[Dimension];

        var variances = new double[Dimension];
        for (var i = 0; i < vectors.Count; i++)
        {
            var y = Project(whitening, vectors.Row(i), zero, centre: true);
            for (var k = 0; k < Dimension; k++)
            {
                variances[k] += y[k] * y[k];
            }
        }

        Assert.Equal(variances.OrderByDescending(v => v), variances);
    }

    [Fact]
    public void Whitened_vectors_are_unit_length()
    {
        var (vectors, pairs) = Pairs(new Random(5), 50);

        var whitened = LearnedWhitening.Learn(vectors, pairs).Apply(vectors);

        for (var i = 0; i < whitened.Count; i++)
        {
            Assert.Equal(1.0, Math.Sqrt(ExactSearch.Dot(whitened.Row(i), whitened.Row(i))), 4);
        }
    }

    [Fact]
    public void Fewer_pairs_than_dimensions_still_learn_thanks_to_the_ridge()
    {
        var (vectors, pairs) = Pairs(new Random(6), 2);

        var whitening = LearnedWhitening.Learn(vectors, pairs);

        Assert.All(whitening.Projection, v => Assert.True(double.IsFinite(v)));
    }

    /// <summary>P·(a − b), or P·(a − m) with <paramref name="centre"/>.</summary>
    private static double[] Project(WhiteningTransform whitening, ReadOnlySpan<float> a, ReadOnlySpan<float> b, bool centre = false)
    {
        var result = new double[whitening.OutputDimension];
        for (var r = 0; r < whitening.OutputDimension; r++)
        {
            for (var k = 0; k < Dimension; k++)
            {
                var x = centre ? a[k] - whitening.Mean[k] : a[k] - b[k];
                result[r] += whitening.Projection[r * Dimension + k] * x;
            }
        }
        return result;
    }

    /// <summary>Anchors spread widely; each positive is its anchor plus small, correlated noise.</summary>
    private static (EmbeddingMatrix Vectors, List<(int, int)> Pairs) Pairs(Random random, int count)
    {
        var rows = new List<float[]>();
        var pairs = new List<(int, int)>();
        for (var i = 0; i < count; i++)
        {
            var anchor = Enumerable.Range(0, Dimension).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var noise = (float)(random.NextDouble() - 0.5) * 0.1f;
            var positive = anchor.Select((v, k) => v + noise * (k + 1) + (float)(random.NextDouble() - 0.5) * 0.2f).ToArray();
            rows.Add(anchor);
            rows.Add(positive);
            pairs.Add((2 * i, 2 * i + 1));
        }
        return (EmbeddingMatrix.FromRows(rows, Dimension), pairs);
    }
}

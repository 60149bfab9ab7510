using RetrievalService.Evaluation.Metrics;
using RetrievalService.Evaluation.Significance;

namespace RetrievalService.Evaluation.Tests.Significance;

public sealed class PairedBootstrapTests
{
    private const int Draws = 10_000;

    private static ProtocolResult Result(params double?[] aps)
    {
        var scored = aps.Where(ap => ap.HasValue).Select(ap => ap!.Value).ToList();
        return new ProtocolResult(Protocol.Medium, scored.Count == 0 ? 0 : scored.Average(), new Dictionary<int, double>(), scored.Count,
            aps.Length - scored.Count, aps);
    }

    [Fact]
    public void A_model_against_itself_differs_by_nothing_on_every_draw()
    {
        var result = Result(0.2, 0.9, null, 0.4);

        var c = PairedBootstrap.Compare(result, result, [0, 1, 2, 1], Draws, 0.95, seed: 0);

        Assert.Equal((3, 2), (c.Queries, c.Clusters));
        Assert.Equal(0.5, c.BaselineMap, 12);
        Assert.Equal((0.0, 0.0, 0.0), (c.Difference, c.DifferenceLower, c.DifferenceUpper));
        Assert.Equal((1.0, 1.0, 1.0), (c.Ratio!.Value, c.RatioLower!.Value, c.RatioUpper!.Value));
        Assert.Equal(1.0, c.ProbabilityNotBetter);
        Assert.Equal((0, 0), (c.QueriesBetter, c.QueriesWorse));
    }

    [Fact]
    public void A_gain_on_every_query_is_certain_and_its_interval_is_that_gain()
    {
        var c = PairedBootstrap.Compare(Result(0.1, 0.5, 0.3), Result(0.2, 0.6, 0.4), [0, 1, 2], Draws, 0.95, seed: 3);

        Assert.Equal(0.1, c.Difference, 12);
        Assert.Equal(0.1, c.DifferenceLower, 12);
        Assert.Equal(0.1, c.DifferenceUpper, 12);
        Assert.Equal(0.0, c.ProbabilityNotBetter);
        Assert.Equal((3, 0), (c.QueriesBetter, c.QueriesWorse));
    }

    [Fact]
    public void Draws_resample_clusters_and_weight_each_drawn_query_equally()
    {
        // Cluster 0 (two queries) gains 0.4 AP in all, cluster 1 (one query) is unchanged. The four equally likely draws
        // of two clusters give Δ = 0.8/4 = 0.2 (0 twice), 0.4/3 (0 and 1, either order) and 0 (1 twice).
        var c = PairedBootstrap.Compare(Result(0.2, 0.4, 0.5), Result(0.6, 0.4, 0.5), [0, 0, 1], Draws, 0.95, seed: 1);

        Assert.Equal(0.4 / 3, c.Difference, 12);
        Assert.Equal(0.0, c.DifferenceLower, 12);
        Assert.Equal(0.2, c.DifferenceUpper, 12);
        Assert.InRange(c.ProbabilityNotBetter, 0.23, 0.27);
        Assert.Equal((1, 0), (c.QueriesBetter, c.QueriesWorse));
        Assert.Equal(1.5 / 1.1, c.Ratio!.Value, 12);
    }

    [Fact]
    public void Queries_that_move_together_give_a_wider_interval_than_independent_ones()
    {
        double?[] baseline = [.. Enumerable.Repeat<double?>(0.5, 10)];
        double?[] candidate = [.. Enumerable.Repeat<double?>(0.7, 5), .. Enumerable.Repeat<double?>(0.3, 5)];

        var twoInstances = PairedBootstrap.Compare(Result(baseline), Result(candidate), [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], Draws, 0.95, seed: 0);
        var tenInstances = PairedBootstrap.Compare(Result(baseline), Result(candidate), [.. Enumerable.Range(0, 10)], Draws, 0.95, seed: 0);

        // Two instances: the draws are (+,+), (+,−), (−,+), (−,−), so ±0.2 is inside the 95 % interval.
        Assert.Equal(-0.2, twoInstances.DifferenceLower, 12);
        Assert.Equal(0.2, twoInstances.DifferenceUpper, 12);
        // Ten: the mean of ten ±0.2 draws has a standard deviation of 0.2/√10 ≈ 0.063.
        Assert.InRange(tenInstances.DifferenceUpper, 0.08, 0.16);
        Assert.InRange(tenInstances.DifferenceLower, -0.16, -0.08);
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals_and_another_seed_nearly_the_same()
    {
        var a = Result(0.1, 0.8, 0.5, 0.3, 0.9, 0.2);
        var b = Result(0.3, 0.7, 0.6, 0.2, 0.95, 0.5);
        int[] clusters = [0, 1, 2, 3, 4, 5];

        var first = PairedBootstrap.Compare(a, b, clusters, Draws, 0.9, seed: 7);
        var again = PairedBootstrap.Compare(a, b, clusters, Draws, 0.9, seed: 7);
        var other = PairedBootstrap.Compare(a, b, clusters, Draws, 0.9, seed: 8);

        Assert.Equal(first, again);
        Assert.InRange(other.DifferenceLower - first.DifferenceLower, -0.01, 0.01);
        Assert.InRange(other.ProbabilityNotBetter - first.ProbabilityNotBetter, -0.02, 0.02);
    }

    [Fact]
    public void Results_of_other_query_sets_or_ground_truth_are_refused()
    {
        var three = Result(0.1, 0.2, 0.3);

        Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(three, Result(0.1, 0.2), [0, 1, 2], Draws, 0.95, 0));
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(three, Result(0.1, null, 0.3), [0, 1, 2], Draws, 0.95, 0));
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(three, three, [0, 1], Draws, 0.95, 0));
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(Result(null, null), Result(null, null), [0, 1], Draws, 0.95, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedBootstrap.Compare(three, three, [0, 1, 2], 999, 0.95, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedBootstrap.Compare(three, three, [0, 1, 2], Draws, 1.0, 0));
    }

    [Fact]
    public void Quantiles_interpolate_between_order_statistics_as_numpy_does()
    {
        // numpy.quantile([4, 1, 3, 2], [0, 0.25, 0.5, 1]) == [1, 1.75, 2.5, 4]
        double[] values = [4, 1, 3, 2];
        Assert.Equal([1, 1.75, 2.5, 4], new[] { 0, 0.25, 0.5, 1 }.Select(level => PairedBootstrap.Quantile(values, level)));
    }
}

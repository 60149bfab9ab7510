using RetrievalService.Evaluation.Metrics;

namespace RetrievalService.Evaluation.Tests.Metrics;

public sealed class RankedQueryMetricsTests
{
    private static readonly int[] Ks = [1, 5, 10];

    private static QueryScore Score(int[] ranking, int[] positives, int[] ignored) =>
        RankedQueryMetrics.Compute(ranking, positives.ToHashSet(), ignored.ToHashSet(), Ks)!;

    [Fact]
    public void A_perfect_ranking_scores_one_everywhere()
    {
        var score = Score([0, 1, 2, 3], [0, 1], []);

        Assert.Equal(1.0, score.AveragePrecision, 12);
        Assert.Equal([1.0, 1.0, 1.0], score.PrecisionAt);
    }

    [Fact]
    public void The_worst_ranking_follows_the_trapezoid_rule()
    {
        // Positives at 0-based ranks 3 and 4: j=0: ½(0/3 + 1/4) = 0.125; j=1: ½(1/4 + 2/5) = 0.325; AP = 0.225.
        var score = Score([2, 3, 4, 0, 1], [0, 1], []);

        Assert.Equal(0.225, score.AveragePrecision, 12);
        // 1-based ranks 4 and 5: kq = min(5, k); P@1 = 0/1, P@5 = 2/5, P@10 = 2/5 (kq stops at the last positive).
        Assert.Equal([0.0, 0.4, 0.4], score.PrecisionAt);
    }

    [Fact]
    public void Junk_before_and_between_positives_is_removed_from_the_ranking()
    {
        // Ranking: junk, P, x, junk, P, x. After removing junk the positives sit at ranks 0 and 2:
        // j=0: ½(1 + 1/1) = 1; j=1: ½(1/2 + 2/3) = 7/12; AP = (1 + 7/12) / 2 = 19/24.
        var score = Score([10, 1, 20, 11, 4, 21], [1, 4], [10, 11]);

        Assert.Equal(19.0 / 24.0, score.AveragePrecision, 12);
        // Adjusted 1-based ranks 1 and 3: P@1 = 1/1, P@5 = 2/3 (kq = 3), P@10 = 2/3.
        Assert.Equal(1.0, score.PrecisionAt[0], 12);
        Assert.Equal(2.0 / 3.0, score.PrecisionAt[1], 12);
        Assert.Equal(2.0 / 3.0, score.PrecisionAt[2], 12);
    }

    [Fact]
    public void Without_removing_junk_the_same_ranking_would_score_lower()
    {
        // Same ranking with nothing ignored: ranks 1 and 4: ½(0 + 1/2) + ½(1/4 + 2/5) = 0.25 + 0.325, AP = 0.2875.
        var score = Score([10, 1, 20, 11, 4, 21], [1, 4], []);

        Assert.Equal(0.2875, score.AveragePrecision, 12);
    }

    [Fact]
    public void A_query_without_positives_is_skipped_not_scored_zero()
    {
        Assert.Null(RankedQueryMetrics.Compute([0, 1, 2], new HashSet<int>(), new HashSet<int> { 1 }, Ks));
    }

    [Fact]
    public void A_positive_missing_from_the_ranking_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RankedQueryMetrics.Compute([0, 1], new HashSet<int> { 0, 7 }, new HashSet<int>(), Ks));
    }
}

using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Metrics;
using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Tests.Metrics;

public sealed class ExactSearchTests
{
    [Fact]
    public void Equal_scores_are_ranked_by_lower_gallery_index_first()
    {
        Assert.Equal([1, 3, 0, 2], ExactSearch.RankRow([0.5f, 0.9f, 0.5f, 0.9f]));
    }

    [Fact]
    public void Duplicate_gallery_vectors_tie_and_the_tie_rule_decides_the_metric()
    {
        // Rows 0 and 1 are identical; the positive is row 1, so the tie rule puts it second: AP = ½(0/1 + 1/2).
        var gallery = EmbeddingMatrix.FromRows([[1f, 0f], [1f, 0f], [0f, 1f]], 2);
        var queries = EmbeddingMatrix.FromRows([[1f, 0f]], 2);

        var rankings = ExactSearch.Rank(gallery, queries);
        var result = RevisitedEvaluation.Evaluate(rankings, [new QueryGroundTruth([1], [], [], null)]);

        Assert.Equal([0, 1, 2], rankings[0]);
        Assert.Equal(0.25, result.Medium.MeanAveragePrecision, 12);
    }

    [Fact]
    public void Blocked_scores_match_plain_dot_products()
    {
        var random = new Random(7);
        var gallery = Random(random, 700, 37);
        var queries = Random(random, 45, 37);

        var scores = ExactSearch.Scores(gallery, queries);

        for (var q = 0; q < queries.Count; q += 11)
        {
            for (var g = 0; g < gallery.Count; g += 97)
            {
                var expected = 0.0;
                for (var k = 0; k < 37; k++)
                {
                    expected += queries.Row(q)[k] * gallery.Row(g)[k];
                }
                Assert.Equal(expected, scores[q * gallery.Count + g], 4);
            }
        }
    }

    [Fact]
    public void Vectors_of_different_dimension_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ExactSearch.Rank(Random(new Random(1), 3, 4), Random(new Random(2), 1, 5)));
    }

    private static EmbeddingMatrix Random(Random random, int count, int dimension) =>
        new(count, dimension, Enumerable.Range(0, count * dimension).Select(_ => (float)random.NextDouble() - 0.5f).ToArray());
}

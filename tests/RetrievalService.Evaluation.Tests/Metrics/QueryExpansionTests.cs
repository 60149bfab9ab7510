using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Tests.Metrics;

public sealed class QueryExpansionTests
{
    private static EmbeddingMatrix Rows(params float[][] rows) => EmbeddingMatrix.FromRows(rows, rows[0].Length);

    private static float[] Normalized(double x, double y)
    {
        var norm = Math.Sqrt(x * x + y * y);
        return [(float)(x / norm), (float)(y / norm)];
    }

    private static float[] AtDegrees(double degrees) => Normalized(Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));

    [Fact]
    public void The_top_neighbour_is_added_with_weight_similarity_to_the_alpha()
    {
        var gallery = Rows([1f, 0f], [0.6f, 0.8f], [0f, 1f]);
        var query = Rows([0.8f, 0.6f]);

        var expanded = new QueryExpansion(Neighbours: 1, Alpha: 3).Expand(gallery, query);

        // Similarities 0.8, 0.96, 0.6: the second row is the top one, weighted 0.96³.
        var weight = Math.Pow(0.8 * 0.6 + 0.6 * 0.8, 3);
        Assert.Equal(Normalized(0.8 + weight * 0.6, 0.6 + weight * 0.8), expanded.Row(0).ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Alpha_zero_is_the_plain_average_of_the_query_and_its_neighbours()
    {
        var gallery = Rows([1f, 0f], [0.6f, 0.8f], [0f, 1f]);
        var query = Rows([0.8f, 0.6f]);

        var expanded = new QueryExpansion(Neighbours: 2, Alpha: 0).Expand(gallery, query);

        Assert.Equal(Normalized(0.8 + 0.6 + 1.0, 0.6 + 0.8 + 0.0), expanded.Row(0).ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void A_neighbour_pointing_away_from_the_query_adds_nothing()
    {
        var gallery = Rows([-0.6f, -0.8f]);
        var query = Rows([0.8f, 0.6f]);

        var expanded = new QueryExpansion(Neighbours: 1, Alpha: 3).Expand(gallery, query);

        Assert.Equal([0.8f, 0.6f], expanded.Row(0).ToArray());
    }

    [Fact]
    public void More_neighbours_than_gallery_rows_uses_every_row()
    {
        var gallery = Rows([1f, 0f], [0f, 1f]);
        var query = Rows(Normalized(1, 1));

        var expanded = new QueryExpansion(Neighbours: 10, Alpha: 1).Expand(gallery, query);

        // Both rows at similarity √½, so the result stays on the diagonal.
        Assert.Equal(Normalized(1, 1), expanded.Row(0).ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Equal_scores_take_the_lower_gallery_index_as_exact_search_ranks_them()
    {
        var gallery = Rows([0.6f, 0.8f], [0.6f, -0.8f]);
        var query = Rows([1f, 0f]);

        var expanded = new QueryExpansion(Neighbours: 1, Alpha: 1).Expand(gallery, query);

        Assert.Equal(0, ExactSearch.Rank(gallery, query)[0][0]);
        Assert.True(expanded.Row(0)[1] > 0, "the first of two tied rows must be the one folded in");
    }

    [Fact]
    public void Expansion_pulls_a_second_view_above_a_distractor()
    {
        // A noisy query (a student's estimate) sits between its object's two views and a distractor; the nearest view
        // is right, and folding it in carries the query towards the other view.
        var gallery = Rows(AtDegrees(0), AtDegrees(18), AtDegrees(-30));
        var query = Rows(AtDegrees(-10));
        Assert.Equal([0, 2, 1], ExactSearch.Rank(gallery, query)[0]);

        var expanded = new QueryExpansion(Neighbours: 1, Alpha: 3).Expand(gallery, query);

        Assert.Equal([0, 1, 2], ExactSearch.Rank(gallery, expanded)[0]);
    }

    [Fact]
    public void Every_query_is_expanded_on_its_own()
    {
        var gallery = Rows([1f, 0f], [0f, 1f]);
        var queries = Rows(Normalized(1, 0.2), Normalized(0.2, 1));

        var expanded = new QueryExpansion(Neighbours: 1, Alpha: 3).Expand(gallery, queries);

        Assert.True(expanded.Row(0)[0] > expanded.Row(0)[1]);
        Assert.True(expanded.Row(1)[1] > expanded.Row(1)[0]);
        Assert.Equal(1.0, Math.Sqrt(expanded.Values.Take(2).Sum(v => (double)v * v)), 6);
    }

    [Theory]
    [InlineData(0, 3.0)]
    [InlineData(1, -0.5)]
    [InlineData(1, double.NaN)]
    [InlineData(1, double.PositiveInfinity)]
    public void Settings_out_of_range_are_refused(int neighbours, double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueryExpansion(neighbours, alpha).Validated());
    }

    [Fact]
    public void It_describes_itself_for_reports()
    {
        Assert.Equal("αQE k=3 α=3", new QueryExpansion(3, QueryExpansion.DefaultAlpha).Describe());
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}

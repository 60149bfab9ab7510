using RetrievalService.DatasetTool.Geometry;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class OverlapRuleTests
{
    private static readonly Quad Query = Quad.FromRectangle(0, 0, 100, 100);

    [Fact]
    public void A_view_of_exactly_the_query_region_is_easy() =>
        Assert.Equal(Relevance.Easy, OverlapRule.Classify(Query, Quad.FromRectangle(0, 0, 100, 100)));

    [Fact]
    public void A_view_sharing_half_of_the_query_at_the_same_scale_is_easy() =>
        Assert.Equal(Relevance.Easy, OverlapRule.Classify(Query, Quad.FromRectangle(50, 0, 100, 100)));

    [Fact]
    public void A_view_sharing_thirty_percent_of_the_query_is_hard() =>
        Assert.Equal(Relevance.Hard, OverlapRule.Classify(Query, Quad.FromRectangle(70, 0, 100, 100)));

    [Fact]
    public void A_view_sharing_twenty_percent_of_the_query_is_junk() =>
        Assert.Equal(Relevance.Junk, OverlapRule.Classify(Query, Quad.FromRectangle(80, 0, 100, 100)));

    [Fact]
    public void A_view_that_does_not_overlap_the_query_is_junk_not_negative() =>
        Assert.Equal(Relevance.Junk, OverlapRule.Classify(Query, Quad.FromRectangle(300, 300, 100, 100)));

    [Fact]
    public void A_wide_view_holding_the_whole_query_is_hard_when_the_query_fills_nine_percent_of_it() =>
        Assert.Equal(Relevance.Hard, OverlapRule.Classify(Quad.FromRectangle(100, 100, 300, 300), Quad.FromRectangle(0, 0, 1000, 1000)));

    [Fact]
    public void A_wide_view_holding_the_whole_query_is_junk_when_the_query_fills_one_percent_of_it() =>
        Assert.Equal(Relevance.Junk, OverlapRule.Classify(Query, Quad.FromRectangle(0, 0, 1000, 1000)));

    [Fact]
    public void A_zoomed_detail_inside_a_large_query_is_hard() =>
        // visible = 0.09 (the detail is 9 % of the query), share = 1 (the detail is all query content).
        Assert.Equal(Relevance.Hard, OverlapRule.Classify(Quad.FromRectangle(0, 0, 1000, 1000), Quad.FromRectangle(100, 100, 300, 300)));

    [Fact]
    public void A_square_and_its_45_degree_rotation_overlap_in_a_regular_octagon()
    {
        var square = Quad.FromRectangle(-1, -1, 2, 2);
        var rotated = square.Map(p => p.RotateAbout(new PointD(0, 0), Math.PI / 4));

        var overlap = ConvexPolygons.IntersectionArea(square.Corners, rotated.Corners);

        Assert.Equal(8 * (Math.Sqrt(2) - 1), overlap, 9);
        Assert.Equal(Relevance.Easy, OverlapRule.Classify(square, rotated));
    }

    [Theory]
    [InlineData(0.5, 0.25, Relevance.Easy)]
    [InlineData(0.49, 1.0, Relevance.Hard)]
    [InlineData(1.0, 0.05, Relevance.Hard)]
    [InlineData(1.0, 0.049, Relevance.Junk)]
    [InlineData(0.24, 0.24, Relevance.Junk)]
    public void Thresholds_are_inclusive_as_documented(double visible, double share, Relevance expected) =>
        Assert.Equal(expected, OverlapRule.Classify(visible, share));
}

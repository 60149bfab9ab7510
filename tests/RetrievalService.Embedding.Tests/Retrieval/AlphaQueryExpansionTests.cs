using RetrievalService.Embedding.Retrieval;

namespace RetrievalService.Embedding.Tests.Retrieval;

// The arithmetic on worked examples is tested through the evaluator's QueryExpansionTests; these pin the edges the
// service meets: no neighbours (an empty or fully filtered gallery) and vectors of another length.
public sealed class AlphaQueryExpansionTests
{
    [Fact]
    public void Without_neighbours_the_query_comes_back_normalised()
    {
        var destination = new float[2];

        AlphaQueryExpansion.Expand([3f, 4f], [], AlphaQueryExpansion.DefaultAlpha, destination);

        Assert.Equal([0.6f, 0.8f], destination);
    }

    [Fact]
    public void A_neighbour_of_another_length_is_refused()
    {
        var destination = new float[2];

        Assert.Throws<ArgumentException>(() => AlphaQueryExpansion.Expand([1f, 0f], [(0.9, new float[] { 1f, 0f, 0f })], 3, destination));
    }

    [Fact]
    public void A_destination_of_another_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AlphaQueryExpansion.Expand([1f, 0f], [], 3, new float[3]));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_negative_or_undefined_alpha_is_refused(double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AlphaQueryExpansion.Expand([1f, 0f], [], alpha, new float[2]));
    }
}

using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Mining;

namespace RetrievalService.Training.Tests.Mining;

public sealed class HardNegativeMinerTests
{
    // Unit vectors at angles (degrees) in the plane: similarity falls with the angle from the query at 0°.
    private static EmbeddingMatrix AtAngles(params double[] degrees) =>
        new(degrees.Length, 2, [.. degrees.SelectMany(d => new[] { (float)Math.Cos(d * Math.PI / 180), (float)Math.Sin(d * Math.PI / 180) })]);

    [Fact]
    public void Negatives_are_the_most_similar_pool_images_of_other_instances_hardest_first()
    {
        var query = AtAngles(0);
        var pool = AtAngles(50, 10, 30, 70, 20);
        int[] instances = [1, 2, 3, 4, 5];

        var negatives = HardNegativeMiner.Mine(query, [0], pool, instances, 3);

        Assert.Equal([1, 4, 2], negatives[0]);
    }

    [Fact]
    public void The_query_own_instance_is_skipped_however_similar()
    {
        var query = AtAngles(0);
        var pool = AtAngles(1, 2, 40, 60);
        int[] instances = [7, 7, 8, 9];

        var negatives = HardNegativeMiner.Mine(query, [7], pool, instances, 2);

        Assert.Equal([2, 3], negatives[0]);
    }

    [Fact]
    public void At_most_one_negative_is_taken_per_instance()
    {
        var query = AtAngles(0);
        var pool = AtAngles(5, 10, 15, 20, 25, 30);
        int[] instances = [1, 1, 1, 2, 2, 3];

        var negatives = HardNegativeMiner.Mine(query, [0], pool, instances, 3);

        Assert.Equal([0, 3, 5], negatives[0]);
        Assert.Equal(3, negatives[0].Select(p => instances[p]).Distinct().Count());
    }

    [Fact]
    public void Each_query_is_mined_on_its_own_ranking()
    {
        var queries = AtAngles(0, 90);
        var pool = AtAngles(5, 85, 45, 180);
        int[] instances = [1, 2, 3, 4];

        var negatives = HardNegativeMiner.Mine(queries, [9, 9], pool, instances, 2);

        Assert.Equal([0, 2], negatives[0]);
        Assert.Equal([1, 2], negatives[1]);
    }

    [Fact]
    public void Too_few_other_instances_in_the_pool_is_an_error_that_says_what_to_change()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            HardNegativeMiner.Mine(AtAngles(0), [1], AtAngles(10, 20, 30), [1, 2, 2], 2));

        Assert.Contains("--negatives", error.Message, StringComparison.Ordinal);
    }
}

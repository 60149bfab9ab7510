using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Significance;

namespace RetrievalService.Evaluation.Tests.Significance;

public sealed class QueryClustersTests
{
    private static QueryGroundTruth Query(int[] easy, int[] hard, int[]? junk = null) => new(easy, hard, junk ?? [], null);

    [Fact]
    public void Queries_sharing_a_listed_image_directly_or_through_another_query_form_one_cluster()
    {
        var clusters = QueryClusters.FromGroundTruth([
            Query([0, 1], [2]),
            Query([5], [1]),      // shares image 1 (easy there, hard here) with the first
            Query([7], [5, 6]),   // shares image 5 with the second only: joined through it
            Query([8], [9]),
            Query([], [], junk: [3]),         // no positive, and no image in common: alone
            Query([10], [], junk: [8]),       // shares only a junk image with the fourth: junk is a view of the same instance
            Query([11], []),
        ]);

        Assert.Equal([0, 0, 0, 1, 2, 1, 3], clusters);
    }

    [Fact]
    public void Cluster_ids_are_numbered_in_order_of_first_appearance()
    {
        Assert.Equal([0, 1, 0, 2], QueryClusters.FromGroundTruth([Query([4], []), Query([2], []), Query([], [4]), Query([3], [])]));
        Assert.Empty(QueryClusters.FromGroundTruth([]));
    }
}

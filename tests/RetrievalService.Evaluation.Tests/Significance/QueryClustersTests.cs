using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Significance;

namespace RetrievalService.Evaluation.Tests.Significance;

public sealed class QueryClustersTests
{
    private static QueryGroundTruth Query(int[] easy, int[] hard, int[]? junk = null) => new(easy, hard, junk ?? [], null);

    [Fact]
    public void Queries_sharing_a_relevant_image_directly_or_through_another_query_form_one_cluster()
    {
        var clusters = QueryClusters.FromGroundTruth([
            Query([0, 1], [2]),
            Query([5], [1]),      // shares image 1 (easy there, hard here) with the first
            Query([7], [5, 6]),   // shares image 5 with the second only: joined through it
            Query([8], [9], junk: [0, 1, 2]), // overlaps the first only in junk: its own instance
            Query([], [], junk: [3]),         // no positive at all: alone
            Query([9], []),
        ]);

        Assert.Equal([0, 0, 0, 1, 2, 1], clusters);
    }

    [Fact]
    public void Cluster_ids_are_numbered_in_order_of_first_appearance()
    {
        Assert.Equal([0, 1, 0, 2], QueryClusters.FromGroundTruth([Query([4], []), Query([2], []), Query([], [4]), Query([3], [])]));
        Assert.Empty(QueryClusters.FromGroundTruth([]));
    }
}

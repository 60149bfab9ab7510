using RetrievalService.Evaluation.Datasets;
using RetrievalService.Training.Data;

namespace RetrievalService.Training.Tests.Data;

public sealed class InstanceLabelsTests
{
    private static QueryGroundTruth Entry(int[] easy, int[] hard, int[] junk) => new(easy, hard, junk, null);

    [Fact]
    public void A_query_and_its_easy_hard_and_junk_images_share_one_instance()
    {
        var labels = InstanceLabels.FromGroundTruth(6, [Entry([0], [1], [2]), Entry([3], [], [])]);

        Assert.Equal(labels.Queries[0], labels.Gallery[0]);
        Assert.Equal(labels.Queries[0], labels.Gallery[1]);
        Assert.Equal(labels.Queries[0], labels.Gallery[2]);
        Assert.Equal(labels.Queries[1], labels.Gallery[3]);
        Assert.NotEqual(labels.Queries[0], labels.Queries[1]);
    }

    [Fact]
    public void Queries_that_share_a_gallery_image_merge_into_one_instance()
    {
        var labels = InstanceLabels.FromGroundTruth(4, [Entry([0], [1], []), Entry([1], [2], []), Entry([3], [], [])]);

        Assert.Equal(labels.Queries[0], labels.Queries[1]);
        Assert.Equal(labels.Gallery[0], labels.Gallery[2]);
        Assert.NotEqual(labels.Queries[0], labels.Queries[2]);
        Assert.Equal(2, labels.Count);
    }

    [Fact]
    public void Gallery_images_no_query_lists_are_instances_of_their_own()
    {
        var labels = InstanceLabels.FromGroundTruth(4, [Entry([0], [], [])]);

        Assert.Equal(4, labels.Gallery.Distinct().Count());
        Assert.Equal(4, labels.Count);
    }
}

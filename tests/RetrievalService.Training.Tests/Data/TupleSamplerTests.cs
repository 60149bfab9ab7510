using RetrievalService.Evaluation.Datasets;
using RetrievalService.Training.Data;
using RetrievalService.Training.Tests.Support;

namespace RetrievalService.Training.Tests.Data;

public sealed class TupleSamplerTests : IDisposable
{
    private readonly TempFolder folder = new();

    public TupleSamplerTests() => TinyTrainingDataset.Write(folder.Path);

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Opening_a_dataset_reads_train_and_val_and_never_the_test_split()
    {
        // test/gnd.json is not JSON: reading it would throw.
        var splits = TrainingSplits.Open(folder.Path);

        Assert.Equal(folder.Combine("train"), splits.Train.Dataset.Root);
        Assert.Equal(folder.Combine("val"), splits.Validation.Dataset.Root);
        Assert.All(splits.Train.GalleryJobs.Concat(splits.Train.QueryJobs), job => Assert.StartsWith(folder.Combine("train"), job.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("train")]
    [InlineData("test")]
    public void Passing_a_split_folder_instead_of_the_dataset_is_refused(string split)
    {
        var error = Assert.Throws<DatasetFormatException>(() => TrainingSplits.Open(folder.Combine(split)));
        Assert.Contains("pass the dataset folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampled_positives_are_easy_or_hard_images_of_the_anchor_and_never_junk()
    {
        var split = TrainingSplits.Open(folder.Path).Train;
        var sampler = new TupleSampler(split.Dataset);

        var pairs = sampler.Draw(50, new Random(3));

        Assert.Equal(50, pairs.Count);
        Assert.All(pairs, pair =>
        {
            var truth = split.Dataset.GroundTruth[pair.Query];
            Assert.Contains(pair.Positive, truth.Easy.Concat(truth.Hard));
            Assert.DoesNotContain(pair.Positive, truth.Junk);
            Assert.Equal(split.Labels.Queries[pair.Query], split.Labels.Gallery[pair.Positive]);
        });
    }

    [Fact]
    public void Every_query_is_an_anchor_once_before_any_repeats_and_a_seed_repeats_the_draw()
    {
        var sampler = new TupleSampler(TrainingSplits.Open(folder.Path).Train.Dataset);

        var first = sampler.Draw(TinyTrainingDataset.TrainInstances, Seeds.For(0, 1, "pairs"));
        var again = sampler.Draw(TinyTrainingDataset.TrainInstances, Seeds.For(0, 1, "pairs"));
        var otherEpoch = sampler.Draw(TinyTrainingDataset.TrainInstances, Seeds.For(0, 2, "pairs"));

        Assert.Equal(TinyTrainingDataset.TrainInstances, first.Select(p => p.Query).Distinct().Count());
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherEpoch);
    }
}

using RetrievalService.Evaluation.Datasets;
using RetrievalService.Training.Data;
using RetrievalService.Training.Tests.Support;

namespace RetrievalService.Training.Tests.Data;

public sealed class TrainingSplitsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public TrainingSplitsTests() => TinyTrainingDataset.Write(folder.Combine("data"));

    public void Dispose() => folder.Dispose();

    [Fact]
    public void By_default_both_splits_come_from_the_dataset_folder()
    {
        var splits = TrainingSplits.Open(folder.Combine("data"));

        Assert.Equal(TinyTrainingDataset.TrainInstances, splits.Train.QueryJobs.Count);
        Assert.Equal(TinyTrainingDataset.ValidationInstances, splits.Validation.QueryJobs.Count);
    }

    [Fact]
    public void Another_folders_val_split_selects_while_training_stays_on_the_dataset()
    {
        // A second set whose val/ is a copy of the first one's train/: six instances, where the dataset's own val/ has four.
        FolderCopy.Copy(folder.Combine("data", "train"), folder.Combine("other", "val"));

        var splits = TrainingSplits.Open(folder.Combine("data"), folder.Combine("other"));

        Assert.Equal(TinyTrainingDataset.TrainInstances, splits.Train.QueryJobs.Count);
        Assert.Equal(TinyTrainingDataset.TrainInstances, splits.Validation.QueryJobs.Count);
        Assert.All(splits.Validation.QueryJobs, job => Assert.StartsWith(folder.Combine("other", "val"), job.Path, StringComparison.Ordinal));
        Assert.All(splits.Train.QueryJobs, job => Assert.StartsWith(folder.Combine("data", "train"), job.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_validation_folder_without_a_val_split_is_refused_with_what_is_missing()
    {
        Directory.CreateDirectory(folder.Combine("empty"));

        var e = Assert.Throws<DatasetFormatException>(() => TrainingSplits.Open(folder.Combine("data"), folder.Combine("empty")));

        Assert.Contains("val/", e.Message, StringComparison.Ordinal);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_folder_given_as_the_validation_dataset_is_refused()
    {
        var e = Assert.Throws<DatasetFormatException>(() => TrainingSplits.Open(folder.Combine("data"), folder.Combine("data", "val")));

        Assert.Contains("is a split", e.Message, StringComparison.Ordinal);
    }
}

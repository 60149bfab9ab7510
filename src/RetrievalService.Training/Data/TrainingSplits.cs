using RetrievalService.Evaluation.Datasets;

namespace RetrievalService.Training.Data;

/// <summary>
/// The two splits a run reads from a dataset folder: <c>train/</c> for tuples and unlabelled images, <c>val/</c>
/// for model selection. The <c>test/</c> split is never opened: its numbers are reported, never trained or
/// selected on.
/// </summary>
/// <param name="Train">Tuples, mining pool and regression images come from here.</param>
/// <param name="Validation">Model selection only.</param>
public sealed record TrainingSplits(TrainingSplit Train, TrainingSplit Validation)
{
    /// <summary>Folder of the training split inside a dataset folder.</summary>
    public const string TrainFolder = "train";

    /// <summary>Folder of the validation split inside a dataset folder.</summary>
    public const string ValidationFolder = "val";

    /// <summary>Reads and validates <c>train/</c> and <c>val/</c> of <paramref name="datasetFolder"/> (e.g. <c>data/datasets/photoviews</c>).</summary>
    /// <exception cref="DatasetFormatException">A folder or ground-truth file is missing or malformed, or a split folder was passed.</exception>
    /// <exception cref="DatasetInvalidException">A split has errors (bad index, missing image).</exception>
    public static TrainingSplits Open(string datasetFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetFolder);
        var root = Path.GetFullPath(datasetFolder).TrimEnd(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(root);
        if (name is TrainFolder or ValidationFolder or "test")
        {
            throw new DatasetFormatException(root, "(folder)",
                $"is a split; pass the dataset folder that holds {TrainFolder}/ and {ValidationFolder}/ (its parent).");
        }
        return new TrainingSplits(Read(root, TrainFolder), Read(root, ValidationFolder));
    }

    private static TrainingSplit Read(string root, string split)
    {
        var folder = Path.Combine(root, split);
        if (!File.Exists(Path.Combine(folder, GndJsonReader.FileName)))
        {
            throw new DatasetFormatException(folder, GndJsonReader.FileName,
                $"is missing; training needs {TrainFolder}/ and {ValidationFolder}/ splits with ground truth.");
        }
        var dataset = GndJsonReader.Read(folder);
        DatasetValidator.ThrowOnErrors(DatasetValidator.Validate(dataset));
        return new TrainingSplit(dataset);
    }
}

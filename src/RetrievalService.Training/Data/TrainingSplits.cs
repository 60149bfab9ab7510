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

    /// <summary>
    /// Reads and validates <c>train/</c> of <paramref name="datasetFolder"/> (e.g. <c>data/datasets/photoviews</c>) and
    /// <c>val/</c> of <paramref name="validationFolder"/>, by default the same folder. Another folder's <c>val/</c>
    /// selects on a set of other images (more instances, or images unlike the training set's, as test's are).
    /// </summary>
    /// <exception cref="DatasetFormatException">A folder or ground-truth file is missing or malformed, or a split folder was passed.</exception>
    /// <exception cref="DatasetInvalidException">A split has errors (bad index, missing image).</exception>
    public static TrainingSplits Open(string datasetFolder, string? validationFolder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetFolder);
        return new TrainingSplits(Read(Root(datasetFolder), TrainFolder), Read(Root(validationFolder ?? datasetFolder), ValidationFolder));
    }

    private static string Root(string datasetFolder)
    {
        var root = Path.GetFullPath(datasetFolder).TrimEnd(Path.DirectorySeparatorChar);
        if (Path.GetFileName(root) is TrainFolder or ValidationFolder or "test")
        {
            throw new DatasetFormatException(root, "(folder)",
                $"is a split; pass the dataset folder that holds {TrainFolder}/ and {ValidationFolder}/ (its parent).");
        }
        return root;
    }

    private static TrainingSplit Read(string root, string split)
    {
        var folder = Path.Combine(root, split);
        if (!File.Exists(Path.Combine(folder, GndJsonReader.FileName)))
        {
            throw new DatasetFormatException(folder, GndJsonReader.FileName,
                $"is missing; training needs a {split}/ split with ground truth.");
        }
        var dataset = GndJsonReader.Read(folder);
        DatasetValidator.ThrowOnErrors(DatasetValidator.Validate(dataset));
        return new TrainingSplit(dataset);
    }
}

using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;

namespace RetrievalService.Training.Data;

/// <summary>A split used for training or validation: its ground truth, the images as jobs, and instance labels.</summary>
public sealed class TrainingSplit
{
    private readonly IReadOnlyList<ImageJob> galleryJobs;
    private readonly IReadOnlyList<ImageJob> queryJobs;

    /// <summary>Wraps <paramref name="dataset"/>; queries keep their <c>bbx</c> crop, as in evaluation.</summary>
    public TrainingSplit(RetrievalDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
        galleryJobs = ImageJob.Gallery(dataset);
        queryJobs = ImageJob.Queries(dataset);
        Labels = InstanceLabels.FromGroundTruth(dataset.Images.Count, dataset.GroundTruth);
    }

    /// <summary>The split as read from its <c>gnd.json</c>.</summary>
    public RetrievalDataset Dataset { get; }

    /// <summary>Instance of every image.</summary>
    public InstanceLabels Labels { get; }

    /// <summary>Gallery images, uncropped.</summary>
    public IReadOnlyList<ImageJob> GalleryJobs => galleryJobs;

    /// <summary>Query images, each cropped to its box when it has one.</summary>
    public IReadOnlyList<ImageJob> QueryJobs => queryJobs;

    /// <summary>The file (and crop) of <paramref name="image"/>.</summary>
    public ImageJob Job(SplitImage image) => image.IsQuery ? queryJobs[image.Index] : galleryJobs[image.Index];

    /// <summary>The instance <paramref name="image"/> shows.</summary>
    public int Instance(SplitImage image) => image.IsQuery ? Labels.Queries[image.Index] : Labels.Gallery[image.Index];
}

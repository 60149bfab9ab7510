using RetrievalService.Evaluation.Datasets;

namespace RetrievalService.Evaluation.Extraction;

/// <summary>One image to embed: its file and, for a query, the box it is cropped to.</summary>
public sealed record ImageJob(string Path, BoundingBox? Box)
{
    /// <summary>Gallery images of <paramref name="dataset"/>, uncropped.</summary>
    public static IReadOnlyList<ImageJob> Gallery(RetrievalDataset dataset) =>
        Enumerable.Range(0, dataset.Images.Count).Select(i => new ImageJob(dataset.ImagePath(i), null)).ToList();

    /// <summary>Query images of <paramref name="dataset"/>, each cropped to its <c>bbx</c> when one is given.</summary>
    public static IReadOnlyList<ImageJob> Queries(RetrievalDataset dataset) =>
        Enumerable.Range(0, dataset.Queries.Count)
            .Select(q => new ImageJob(dataset.QueryPath(q), q < dataset.GroundTruth.Count ? dataset.GroundTruth[q].Box : null))
            .ToList();
}

namespace RetrievalService.Evaluation.Datasets;

/// <summary>
/// Ground truth of one query: 0-based indices into the gallery list, and the box the query is cropped to.
/// </summary>
/// <param name="Easy">Clearly visible views of the query's instance.</param>
/// <param name="Hard">Views that are hard to match (strong viewpoint or occlusion change).</param>
/// <param name="Junk">Views that are neither right nor wrong; removed from the ranking in every protocol.</param>
/// <param name="Box">Region of the query image to embed, or <c>null</c> for the whole image.</param>
public sealed record QueryGroundTruth(
    IReadOnlyList<int> Easy,
    IReadOnlyList<int> Hard,
    IReadOnlyList<int> Junk,
    BoundingBox? Box);

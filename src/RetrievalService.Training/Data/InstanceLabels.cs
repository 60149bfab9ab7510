using RetrievalService.Evaluation.Datasets;

namespace RetrievalService.Training.Data;

/// <summary>
/// Which instance every image of a split shows, derived from the ground truth alone: a query and the gallery
/// images it lists as easy, hard or junk are one instance, and instances that share an image merge
/// (union-find). Gallery images that no query lists are instances of their own (distractors).
/// </summary>
/// <remarks>
/// Junk links too: in our datasets junk images are other views of the query's own instance, seen too poorly to
/// count as positives, so they must never be mined as its negatives either.
/// </remarks>
public sealed class InstanceLabels
{
    private InstanceLabels(int[] gallery, int[] queries, int count)
    {
        Gallery = gallery;
        Queries = queries;
        Count = count;
    }

    /// <summary>Instance id of every gallery image, dense from 0.</summary>
    public IReadOnlyList<int> Gallery { get; }

    /// <summary>Instance id of every query, in the same id space as <see cref="Gallery"/>.</summary>
    public IReadOnlyList<int> Queries { get; }

    /// <summary>Number of distinct instances.</summary>
    public int Count { get; }

    /// <summary>Labels the <paramref name="galleryCount"/> gallery images and the queries of <paramref name="groundTruth"/>.</summary>
    public static InstanceLabels FromGroundTruth(int galleryCount, IReadOnlyList<QueryGroundTruth> groundTruth)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        // Nodes 0..G−1 are gallery images, G..G+Q−1 the queries.
        var sets = new DisjointSets(galleryCount + groundTruth.Count);
        for (var q = 0; q < groundTruth.Count; q++)
        {
            var entry = groundTruth[q];
            foreach (var image in entry.Easy.Concat(entry.Hard).Concat(entry.Junk))
            {
                sets.Union(galleryCount + q, image);
            }
        }
        var labels = sets.DenseLabels();
        return new InstanceLabels(labels[..galleryCount], labels[galleryCount..], labels.Distinct().Count());
    }
}

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
        var parent = Enumerable.Range(0, galleryCount + groundTruth.Count).ToArray();
        for (var q = 0; q < groundTruth.Count; q++)
        {
            var entry = groundTruth[q];
            foreach (var image in entry.Easy.Concat(entry.Hard).Concat(entry.Junk))
            {
                Union(parent, galleryCount + q, image);
            }
        }
        var ids = new Dictionary<int, int>();
        int Label(int node)
        {
            var root = Find(parent, node);
            if (!ids.TryGetValue(root, out var id))
            {
                id = ids.Count;
                ids[root] = id;
            }
            return id;
        }
        var gallery = Enumerable.Range(0, galleryCount).Select(Label).ToArray();
        var queries = Enumerable.Range(galleryCount, groundTruth.Count).Select(Label).ToArray();
        return new InstanceLabels(gallery, queries, ids.Count);
    }

    private static int Find(int[] parent, int node)
    {
        while (parent[node] != node)
        {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        return node;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var (rootA, rootB) = (Find(parent, a), Find(parent, b));
        if (rootA != rootB)
        {
            parent[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
        }
    }
}

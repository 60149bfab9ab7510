using RetrievalService.Evaluation.Datasets;

namespace RetrievalService.Evaluation.Significance;

/// <summary>
/// Groups queries into the units a bootstrap must resample: queries that share a relevant gallery image.
/// </summary>
/// <remarks>
/// Queries of one instance are not independent draws (photoviews has several views per object, Oxford five
/// queries per landmark): they succeed or fail together. Resampling them one by one would pretend there are more
/// independent observations than there are and give intervals that are too narrow.
/// </remarks>
public static class QueryClusters
{
    /// <summary>
    /// A cluster id (0, 1, … in order of first appearance) per query: two queries share a cluster when they
    /// share an Easy or Hard gallery image, directly or through other queries. Junk is ignored.
    /// </summary>
    public static int[] FromGroundTruth(IReadOnlyList<QueryGroundTruth> groundTruth)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        var parent = Enumerable.Range(0, groundTruth.Count).ToArray();
        var firstQueryOfImage = new Dictionary<int, int>();
        for (var query = 0; query < groundTruth.Count; query++)
        {
            foreach (var image in groundTruth[query].Easy.Concat(groundTruth[query].Hard))
            {
                if (firstQueryOfImage.TryGetValue(image, out var other))
                {
                    Union(parent, query, other);
                }
                else
                {
                    firstQueryOfImage[image] = query;
                }
            }
        }
        var ids = new Dictionary<int, int>();
        var clusters = new int[groundTruth.Count];
        for (var query = 0; query < clusters.Length; query++)
        {
            var root = Find(parent, query);
            if (!ids.TryGetValue(root, out var id))
            {
                id = ids.Count;
                ids[root] = id;
            }
            clusters[query] = id;
        }
        return clusters;
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
        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        if (rootA != rootB)
        {
            parent[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
        }
    }
}

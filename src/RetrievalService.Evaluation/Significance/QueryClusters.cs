using RetrievalService.Evaluation.Datasets;

namespace RetrievalService.Evaluation.Significance;

/// <summary>
/// Groups queries into the units a bootstrap must resample: the queries of one instance.
/// </summary>
/// <remarks>
/// Queries of one instance are not independent draws (photoviews has four views per object, Oxford five queries
/// per landmark): they succeed or fail together. Resampling them one by one would pretend there are more
/// independent observations than there are and give intervals that are too narrow. Grouping too much only widens
/// the intervals, so junk links queries too: in these datasets junk images are poor views of the query's own
/// instance (the trainer's instance labels link them for the same reason).
/// </remarks>
public static class QueryClusters
{
    /// <summary>
    /// A cluster id (0, 1, … in order of first appearance) per query: two queries share a cluster when they share a
    /// gallery image listed as Easy, Hard or Junk, directly or through other queries.
    /// </summary>
    public static int[] FromGroundTruth(IReadOnlyList<QueryGroundTruth> groundTruth)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        var images = groundTruth.SelectMany(Listed).DefaultIfEmpty(-1).Max() + 1;
        // Nodes 0..Q−1 are the queries (so their sets are numbered first), Q.. the gallery images they list.
        var sets = new DisjointSets(groundTruth.Count + images);
        for (var query = 0; query < groundTruth.Count; query++)
        {
            foreach (var image in Listed(groundTruth[query]))
            {
                sets.Union(query, groundTruth.Count + image);
            }
        }
        return sets.DenseLabels()[..groundTruth.Count];
    }

    private static IEnumerable<int> Listed(QueryGroundTruth query) => query.Easy.Concat(query.Hard).Concat(query.Junk);
}

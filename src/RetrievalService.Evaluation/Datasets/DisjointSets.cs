namespace RetrievalService.Evaluation.Datasets;

/// <summary>Union-find over the nodes 0..count−1 (path halving, the smaller root wins), for grouping by shared images.</summary>
public sealed class DisjointSets
{
    private readonly int[] parent;

    public DisjointSets(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        parent = Enumerable.Range(0, count).ToArray();
    }

    /// <summary>Puts <paramref name="a"/> and <paramref name="b"/> in one set.</summary>
    public void Union(int a, int b)
    {
        var (rootA, rootB) = (Find(a), Find(b));
        if (rootA != rootB)
        {
            parent[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
        }
    }

    /// <summary>A set id per node, dense from 0 in the order in which the sets first appear among the nodes.</summary>
    public int[] DenseLabels()
    {
        var ids = new Dictionary<int, int>();
        var labels = new int[parent.Length];
        for (var node = 0; node < labels.Length; node++)
        {
            var root = Find(node);
            if (!ids.TryGetValue(root, out var id))
            {
                id = ids.Count;
                ids[root] = id;
            }
            labels[node] = id;
        }
        return labels;
    }

    private int Find(int node)
    {
        while (parent[node] != node)
        {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        return node;
    }
}

using System.Numerics;

namespace RetrievalService.Evaluation.Search;

/// <summary>
/// Exhaustive inner-product search: every query is scored against every gallery vector, so evaluation numbers
/// never depend on an approximate index. On unit vectors the inner product is the cosine similarity.
/// </summary>
public static class ExactSearch
{
    // Blocks keep a slab of gallery rows hot in cache while every query of the block passes over it.
    private const int QueryBlock = 32;
    private const int GalleryBlock = 256;

    /// <summary>Scores of every query against every gallery row: <c>[q · gallery.Count + i]</c>.</summary>
    public static float[] Scores(EmbeddingMatrix gallery, EmbeddingMatrix queries)
    {
        ArgumentNullException.ThrowIfNull(gallery);
        ArgumentNullException.ThrowIfNull(queries);
        if (gallery.Dimension != queries.Dimension)
        {
            throw new ArgumentException($"Queries have dimension {queries.Dimension}, the gallery {gallery.Dimension}: the models do not share a space.");
        }
        var scores = new float[(long)queries.Count * gallery.Count];
        for (var q0 = 0; q0 < queries.Count; q0 += QueryBlock)
        {
            for (var g0 = 0; g0 < gallery.Count; g0 += GalleryBlock)
            {
                var qEnd = Math.Min(q0 + QueryBlock, queries.Count);
                var gEnd = Math.Min(g0 + GalleryBlock, gallery.Count);
                for (var q = q0; q < qEnd; q++)
                {
                    var query = queries.Row(q);
                    for (var g = g0; g < gEnd; g++)
                    {
                        scores[(long)q * gallery.Count + g] = Dot(query, gallery.Row(g));
                    }
                }
            }
        }
        return scores;
    }

    /// <summary>
    /// Full ranking of the gallery for each query, best first. Ties are broken by the lower gallery index
    /// first, so the ranking is a deterministic function of the scores.
    /// </summary>
    public static int[][] Rank(EmbeddingMatrix gallery, EmbeddingMatrix queries)
    {
        var scores = Scores(gallery, queries);
        var rankings = new int[queries.Count][];
        for (var q = 0; q < queries.Count; q++)
        {
            rankings[q] = RankRow(scores.AsSpan(q * gallery.Count, gallery.Count));
        }
        return rankings;
    }

    /// <summary>Gallery indices sorted by descending score, ties by ascending index.</summary>
    public static int[] RankRow(ReadOnlySpan<float> scores)
    {
        var row = scores.ToArray();
        var order = Enumerable.Range(0, row.Length).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byScore = row[b].CompareTo(row[a]);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });
        return order;
    }

    /// <summary>Inner product of two equal-length vectors.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }
}

using System.Numerics;
using System.Runtime.InteropServices;

namespace RetrievalService.StoreBench;

/// <summary>Exact top-k by inner product (cosine on normalised vectors), computed in C# as the recall reference.</summary>
internal static class GroundTruth
{
    public static int[][] TopK(float[][] gallery, float[][] queries, int k)
    {
        var result = new int[queries.Length][];
        Parallel.For(0, queries.Length, q =>
        {
            var scores = new float[gallery.Length];
            for (var i = 0; i < gallery.Length; i++)
            {
                scores[i] = Dot(gallery[i], queries[q]);
            }
            result[q] = Enumerable.Range(0, gallery.Length).OrderByDescending(i => scores[i]).Take(k).ToArray();
        });
        return result;
    }

    public static float Dot(float[] a, float[] b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var sum = Vector<float>.Zero;
        for (var i = 0; i < va.Length; i++)
        {
            sum += va[i] * vb[i];
        }
        var dot = Vector.Dot(sum, Vector<float>.One);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }
        return dot;
    }
}

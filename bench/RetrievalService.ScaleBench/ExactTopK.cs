using System.Numerics;
using System.Runtime.InteropServices;

namespace RetrievalService.ScaleBench;

/// <summary>
/// Exact top-k by inner product (cosine on unit vectors) in C#, the recall reference. The gallery is read once for
/// all queries, each vector against every query while it is in cache: a million rows are gigabytes, the queries are not.
/// </summary>
internal static class ExactTopK
{
    public static int[][] Compute(IReadOnlyList<float[]> gallery, IReadOnlyList<float[]> queries, int k)
    {
        var parts = Environment.ProcessorCount;
        var partial = new Candidates[parts][];
        Parallel.For(0, parts, p =>
        {
            var best = queries.Select(_ => new Candidates(k)).ToArray();
            var end = (int)((long)gallery.Count * (p + 1) / parts);
            for (var i = (int)((long)gallery.Count * p / parts); i < end; i++)
            {
                for (var q = 0; q < queries.Count; q++)
                {
                    best[q].Offer(i, Dot(gallery[i], queries[q]));
                }
            }
            partial[p] = best;
        });
        return Enumerable.Range(0, queries.Count)
            .Select(q => partial.SelectMany(part => part[q].All()).OrderByDescending(c => c.Score).Take(k).Select(c => c.Index).ToArray())
            .ToArray();
    }

    private static float Dot(float[] a, float[] b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var sum = Vector<float>.Zero;
        for (var i = 0; i < va.Length; i++)
        {
            sum += va[i] * vb[i];
        }
        var dot = Vector.Sum(sum);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /// <summary>The k best so far; k is small, so a linear scan for the weakest beats a heap.</summary>
    private sealed class Candidates(int k)
    {
        private readonly int[] _index = new int[k];
        private readonly float[] _score = new float[k];
        private int _count;
        private int _weakest;

        public void Offer(int index, float score)
        {
            if (_count < _index.Length)
            {
                _index[_count] = index;
                _score[_count++] = score;
                if (_count == _index.Length)
                {
                    FindWeakest();
                }
                return;
            }
            if (score > _score[_weakest])
            {
                _index[_weakest] = index;
                _score[_weakest] = score;
                FindWeakest();
            }
        }

        public IEnumerable<(int Index, float Score)> All() => Enumerable.Range(0, _count).Select(i => (_index[i], _score[i]));

        private void FindWeakest()
        {
            _weakest = 0;
            for (var i = 1; i < _score.Length; i++)
            {
                if (_score[i] < _score[_weakest])
                {
                    _weakest = i;
                }
            }
        }
    }
}

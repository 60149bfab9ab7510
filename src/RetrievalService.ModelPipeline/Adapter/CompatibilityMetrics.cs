namespace RetrievalService.ModelPipeline.Adapter;

/// <summary>
/// How well student vectors land on the teacher vectors of the same images: mean cosine; how often the
/// teacher vector of the same image is the student vector's nearest (top-1) or among its 5 nearest (top-5)
/// neighbours among all teacher vectors of the set; and the pairwise win rate, the fraction of (image,
/// other image) pairs where the student vector is closer to its own teacher vector than to the other's.
/// </summary>
public sealed record CompatibilityMetrics(int Count, double MeanCosine, double Top1, double Top5, double PairwiseWinRate)
{
    /// <summary>Both lists hold unit vectors; row i of each comes from the same image.</summary>
    public static CompatibilityMetrics Measure(IReadOnlyList<float[]> student, IReadOnlyList<float[]> teacher)
    {
        if (student.Count != teacher.Count || student.Count == 0)
        {
            throw new ArgumentException($"Need equally many student and teacher vectors, at least one (got {student.Count} and {teacher.Count}).");
        }
        double cosineSum = 0;
        long top1 = 0, top5 = 0, wins = 0;
        for (var i = 0; i < student.Count; i++)
        {
            var own = Dot(student[i], teacher[i]);
            cosineSum += own;
            // Rank of the own teacher vector = number of other teacher vectors scoring strictly higher.
            var better = 0;
            for (var j = 0; j < teacher.Count; j++)
            {
                if (j != i && Dot(student[i], teacher[j]) > own)
                {
                    better++;
                }
            }
            top1 += better == 0 ? 1 : 0;
            top5 += better < 5 ? 1 : 0;
            wins += teacher.Count - 1 - better;
        }
        var n = student.Count;
        var pairs = (double)n * Math.Max(1, n - 1);
        return new CompatibilityMetrics(n, cosineSum / n, (double)top1 / n, (double)top5 / n, wins / pairs);
    }

    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }
        return sum;
    }

    public static float[] Normalize(float[] v)
    {
        var norm = Math.Sqrt(Dot(v, v));
        return v.Select(x => (float)(x / Math.Max(norm, 1e-12))).ToArray();
    }
}

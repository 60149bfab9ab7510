using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Metrics;

/// <summary>
/// How closely a query model lands on the teacher's vector of the same image, measured without labels: the whole
/// asymmetric method is that student(x) ≈ teacher(x) for any photo x, and these numbers say how far that holds.
/// </summary>
/// <param name="Images">Images measured (each embedded by both models).</param>
/// <param name="MeanCosine">Mean cosine between the query model's and the teacher's vector of the same image.</param>
/// <param name="P10Cosine">10th percentile of those cosines: the worst tenth of images sits below it.</param>
/// <param name="MinCosine">The lowest cosine.</param>
/// <param name="SelfTop1">Share of images whose query-model vector has the teacher's vector of the same image as its
/// nearest neighbour among the teacher's vectors of all the images.</param>
public sealed record TeacherAgreement(int Images, double MeanCosine, double P10Cosine, double MinCosine, double SelfTop1)
{
    /// <summary>Agreement of <paramref name="query"/> with <paramref name="teacher"/>, row i of each being the same image.</summary>
    /// <exception cref="ArgumentException">The matrices differ in rows or dimension, or are empty.</exception>
    public static TeacherAgreement Measure(EmbeddingMatrix query, EmbeddingMatrix teacher)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(teacher);
        if (query.Count != teacher.Count || query.Dimension != teacher.Dimension)
        {
            throw new ArgumentException(
                $"Agreement needs the same images in both: {query.Count}×{query.Dimension} query vectors against {teacher.Count}×{teacher.Dimension} teacher vectors.");
        }
        if (query.Count == 0)
        {
            throw new ArgumentException("Agreement needs at least one image.", nameof(query));
        }
        var scores = ExactSearch.Scores(teacher, query);
        var cosines = new double[query.Count];
        var selfFirst = 0;
        for (var i = 0; i < query.Count; i++)
        {
            var row = scores.AsSpan(i * teacher.Count, teacher.Count);
            cosines[i] = row[i];
            // Strictly greater: a tie with another image's vector is not a win (the other could equally be first).
            var beaten = false;
            for (var j = 0; j < row.Length && !beaten; j++)
            {
                beaten = j != i && row[j] >= row[i];
            }
            selfFirst += beaten ? 0 : 1;
        }
        Array.Sort(cosines);
        return new TeacherAgreement(query.Count, cosines.Average(), Percentile(cosines, 0.10), cosines[0], (double)selfFirst / query.Count);
    }

    // Linear interpolation between closest ranks (numpy's default), on sorted values.
    private static double Percentile(double[] sorted, double fraction)
    {
        var position = fraction * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}

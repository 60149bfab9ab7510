namespace RetrievalService.Storage.Tests.Infrastructure;

/// <summary>Brute-force cosine k-NN in C#, the reference the database's answers are checked against.</summary>
public static class ExactSearch
{
    public static IReadOnlyList<(string Id, double Score)> TopK(
        IReadOnlyList<(string Id, float[] Vector)> gallery, float[] query, int k) =>
        gallery.Select(g => (g.Id, Score: Cosine(g.Vector, query)))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Id, StringComparer.Ordinal)
            .Take(k).ToList();

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }

    /// <summary>Fraction of the true top-k ids that <paramref name="found"/> contains.</summary>
    public static double Recall(IEnumerable<string> expected, IEnumerable<string> found) =>
        expected.Intersect(found).Count() / (double)expected.Count();
}

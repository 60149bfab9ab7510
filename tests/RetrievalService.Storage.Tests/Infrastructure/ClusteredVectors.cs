namespace RetrievalService.Storage.Tests.Infrastructure;

/// <summary>
/// Synthetic L2-normalised embeddings around random cluster centres: unlike uniform random vectors (a worst
/// case for HNSW, docs/platform.md#pgvector-limits) they have the neighbourhood structure of real image embeddings.
/// </summary>
public static class ClusteredVectors
{
    public static float[][] Generate(int count, int dimension, int clusters, int seed, float spread = 0.6f)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, clusters).Select(_ => Normalise(Gaussian(random, dimension, 1))).ToArray();
        return Enumerable.Range(0, count).Select(i =>
        {
            var noise = Gaussian(random, dimension, spread / MathF.Sqrt(dimension));
            var centre = centres[i % clusters];
            for (var d = 0; d < dimension; d++)
            {
                noise[d] += centre[d];
            }
            return Normalise(noise);
        }).ToArray();
    }

    public static float[] Normalise(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static float[] Gaussian(Random random, int dimension, float sigma) =>
        Enumerable.Range(0, dimension).Select(_ =>
            sigma * MathF.Sqrt(-2 * MathF.Log(1 - random.NextSingle())) * MathF.Cos(2 * MathF.PI * random.NextSingle())).ToArray();
}

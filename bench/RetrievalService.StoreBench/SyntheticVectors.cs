namespace RetrievalService.StoreBench;

/// <summary>
/// L2-normalised points around random cluster centres (the tests' generator, faster): uniform random vectors are
/// a worst case for HNSW that real embeddings are not. Also compiled into SearchBench.
/// </summary>
internal static class SyntheticVectors
{
    public static float[][] Clustered(int count, int dimension, int clusters, int seed, float spread = 0.6f)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, clusters).Select(_ => Normalise(Gaussian(random, dimension, 1))).ToArray();
        var sigma = spread / MathF.Sqrt(dimension);
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var v = Gaussian(random, dimension, sigma);
            var centre = centres[random.Next(clusters)];
            for (var d = 0; d < dimension; d++)
            {
                v[d] += centre[d];
            }
            vectors[i] = Normalise(v);
        }
        return vectors;
    }

    private static float[] Normalise(float[] v)
    {
        var sum = 0f;
        foreach (var x in v)
        {
            sum += x * x;
        }
        var norm = MathF.Sqrt(sum);
        for (var i = 0; i < v.Length; i++)
        {
            v[i] /= norm;
        }
        return v;
    }

    private static float[] Gaussian(Random random, int dimension, float sigma)
    {
        var v = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            v[i] = sigma * MathF.Sqrt(-2 * MathF.Log(1 - random.NextSingle())) * MathF.Cos(2 * MathF.PI * random.NextSingle());
        }
        return v;
    }
}

using RetrievalService.Embedding.Inference;

namespace RetrievalService.Embedding.Tests.Inference;

internal static class TestInference
{
    /// <summary>One intra-op thread: deterministic results and no oversubscription on a 2-core runner.</summary>
    public static readonly InferenceOptions Cpu = new() { IntraOpThreads = 1, InterOpThreads = 1 };

    public static float[] SyntheticPlanes(int seed, int height, int width)
    {
        var random = new Random(seed);
        var planes = new float[3 * height * width];
        for (var i = 0; i < planes.Length; i++)
        {
            planes[i] = random.Next(0, 256);
        }
        return planes;
    }
}

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

/// <summary>Reference arithmetic for comparing feature maps with golden vectors (double accumulation).</summary>
internal static class FeatureMath
{
    /// <summary>Mean over H·W of one image's [C, H, W] map.</summary>
    public static float[] GlobalAveragePool(ReadOnlySpan<float> chw, int channels)
    {
        var area = chw.Length / channels;
        var pooled = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var sum = 0.0;
            foreach (var v in chw.Slice(c * area, area))
            {
                sum += v;
            }
            pooled[c] = (float)(sum / area);
        }
        return pooled;
    }

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }
        return dot / Math.Sqrt(normA * normB);
    }

    public static double MaxAbsDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        }
        return max;
    }
}

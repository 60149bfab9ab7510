namespace RetrievalService.Evaluation.Extraction;

/// <summary>Combines per-scale embeddings: v = L2N(((1/|S|) Σ_s v_s^p)^(1/p)) (cirtorch <c>extract_ms</c>; docs/method.md#multi-scale-and-whitening).</summary>
public static class PowerMean
{
    /// <summary>
    /// Combines <paramref name="vectors"/> with exponent <paramref name="p"/>. Powers are sign-preserving
    /// (sign(x)·|x|^p), which equals the plain power mean on the non-negative vectors of a GeM model and stays
    /// defined for a head whose outputs can be negative (a linear adapter), where x^(1/p) would not be.
    /// </summary>
    public static float[] Combine(IReadOnlyList<float[]> vectors, double p)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfZero(vectors.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        var dimension = vectors[0].Length;
        var combined = new float[dimension];
        var norm = 0.0;
        for (var k = 0; k < dimension; k++)
        {
            var sum = 0.0;
            foreach (var vector in vectors)
            {
                sum += SignedPower(vector[k], p);
            }
            var value = SignedPower(sum / vectors.Count, 1 / p);
            combined[k] = (float)value;
            norm += value * value;
        }
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var k = 0; k < dimension; k++)
        {
            combined[k] *= scale;
        }
        return combined;
    }

    private static double SignedPower(double x, double p) => Math.Sign(x) * Math.Pow(Math.Abs(x), p);
}

namespace RetrievalService.Embedding.Images;

/// <summary>
/// Per output index, the first source index and normalised weights of a bicubic (Keys, a = −0.5) kernel that is
/// widened by the reduction ratio, so a downscale averages every source pixel it covers (no aliasing). This is
/// the kernel map of ImageSharp 2.1's bicubic resampler, which every model here was trained and indexed with:
/// keeping it keeps the vectors.
/// </summary>
internal sealed class ResizeKernels
{
    private const double Radius = 2;

    private ResizeKernels(int[] starts, int[] lengths, float[] weights, int stride)
    {
        Starts = starts;
        Lengths = lengths;
        Weights = weights;
        Stride = stride;
    }

    public int[] Starts { get; }

    public int[] Lengths { get; }

    /// <summary>Row i's weights start at i · <see cref="Stride"/>.</summary>
    public float[] Weights { get; }

    public int Stride { get; }

    public ReadOnlySpan<float> WeightsOf(int index) => Weights.AsSpan(index * Stride, Lengths[index]);

    public static ResizeKernels Create(int sourceSize, int destinationSize)
    {
        var ratio = (double)sourceSize / destinationSize;
        var scale = Math.Max(1, ratio);
        var radius = (int)Math.Ceiling(scale * Radius);
        var stride = 2 * radius + 2;
        var starts = new int[destinationSize];
        var lengths = new int[destinationSize];
        var weights = new float[destinationSize * stride];
        Span<double> values = stackalloc double[stride];
        for (var i = 0; i < destinationSize; i++)
        {
            var center = (i + 0.5) * ratio - 0.5;
            var left = Math.Max(0, (int)Math.Ceiling(center - radius));
            var right = Math.Min(sourceSize - 1, (int)Math.Floor(center + radius));
            double sum = 0;
            for (var j = left; j <= right; j++)
            {
                var value = Cubic((float)((j - center) / scale));
                values[j - left] = value;
                sum += value;
            }
            starts[i] = left;
            lengths[i] = right - left + 1;
            for (var j = 0; j < lengths[i]; j++)
            {
                weights[i * stride + j] = (float)(sum > 0 ? values[j] / sum : values[j]);
            }
        }
        return new ResizeKernels(starts, lengths, weights, stride);
    }

    /// <summary>Keys' cubic convolution kernel with a = −0.5 (Catmull–Rom), support [−2, 2].</summary>
    private static float Cubic(float x)
    {
        x = Math.Abs(x);
        if (x <= 1f)
        {
            return (1.5f * x - 2.5f) * x * x + 1;
        }
        return x < 2f ? ((-0.5f * x + 2.5f) * x - 4) * x + 2 : 0;
    }
}

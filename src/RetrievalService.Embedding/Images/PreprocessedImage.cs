namespace RetrievalService.Embedding.Images;

/// <summary>
/// One image as the model input convention wants it: float32, NCHW with N = 1, RGB planes, values 0..255.
/// The buffer is rented (pooled when small); dispose to return it, and do not use it after.
/// </summary>
public sealed class PreprocessedImage : IDisposable
{
    private readonly RentedPixels<float> pixels;

    private PreprocessedImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        pixels = new RentedPixels<float>(Length, nameof(PreprocessedImage));
    }

    /// <summary>Width W of the tensor.</summary>
    public int Width { get; }

    /// <summary>Height H of the tensor.</summary>
    public int Height { get; }

    /// <summary>Number of floats: 3 · H · W.</summary>
    public int Length => 3 * Width * Height;

    /// <summary>The R plane, then G, then B, each row-major.</summary>
    public ReadOnlyMemory<float> Pixels => pixels.Array.AsMemory(0, Length);

    /// <summary>Copies an already laid-out NCHW tensor (e.g. from a test or another pipeline) into a pooled buffer.</summary>
    public static PreprocessedImage FromPlanes(int width, int height, ReadOnlySpan<float> planes)
    {
        var image = new PreprocessedImage(width, height);
        if (planes.Length != image.Length)
        {
            image.Dispose();
            throw new ArgumentException($"A 3×{height}×{width} tensor needs {3 * width * height} values, got {planes.Length}.", nameof(planes));
        }
        planes.CopyTo(image.pixels.Array);
        return image;
    }

    internal static PreprocessedImage Rent(int width, int height) => new(width, height);

    internal Memory<float> Writable => pixels.Array.AsMemory(0, Length);

    /// <inheritdoc />
    public void Dispose() => pixels.Return();
}

namespace RetrievalService.Embedding.Images;

/// <summary>
/// An upright, opaque image as interleaved 8-bit RGB, row-major, in a rented buffer (pooled when small). Dispose it to return the buffer, and do not use it after.
/// </summary>
public sealed class RgbRaster : IDisposable
{
    private readonly RentedPixels<byte> pixels;

    private RgbRaster(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        pixels = new RentedPixels<byte>(checked(3 * width * height), nameof(RgbRaster));
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Width and height.</summary>
    public PixelSize Size => new(Width, Height);

    /// <summary>R, G, B of each pixel, row after row: 3 · W · H bytes.</summary>
    public Span<byte> Pixels => pixels.Array.AsSpan(0, 3 * Width * Height);

    /// <summary>One row of 3 · W bytes.</summary>
    public Span<byte> Row(int y) => pixels.Array.AsSpan(3 * Width * y, 3 * Width);

    /// <summary>A zeroed (black) raster.</summary>
    public static RgbRaster Create(int width, int height)
    {
        var raster = new RgbRaster(width, height);
        raster.Pixels.Clear();
        return raster;
    }

    /// <summary>A raster holding a copy of interleaved RGB bytes (e.g. from another library or a test).</summary>
    public static RgbRaster FromRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        var raster = new RgbRaster(width, height);
        if (rgb.Length != raster.Pixels.Length)
        {
            raster.Dispose();
            throw new ArgumentException($"A {width}×{height} RGB raster needs {3 * width * height} bytes, got {rgb.Length}.", nameof(rgb));
        }
        rgb.CopyTo(raster.Pixels);
        return raster;
    }

    /// <summary>A new raster holding <paramref name="region"/> of this one.</summary>
    public RgbRaster Crop(PixelRect region)
    {
        if (!region.FitsIn(Width, Height))
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, $"The region does not lie inside the {Width}×{Height} raster.");
        }
        var cropped = new RgbRaster(region.Width, region.Height);
        for (var y = 0; y < region.Height; y++)
        {
            Row(region.Y + y).Slice(3 * region.X, 3 * region.Width).CopyTo(cropped.Row(y));
        }
        return cropped;
    }

    internal static RgbRaster Rent(int width, int height) => new(width, height);

    /// <inheritdoc />
    public void Dispose() => pixels.Return();
}

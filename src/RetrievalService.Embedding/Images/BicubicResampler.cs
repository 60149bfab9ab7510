using System.Numerics;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// Resizes an RGB raster (or a region of it) straight into a model tensor: a horizontal pass into float planes,
/// then a vertical pass, each with <see cref="ResizeKernels"/>. Outputs are rounded to whole 0..255 values, as
/// the 8-bit images the models were trained on were.
/// </summary>
public static class BicubicResampler
{
    /// <summary>Resizes <paramref name="region"/> of <paramref name="source"/> to <paramref name="size"/>.</summary>
    public static PreprocessedImage Resize(RgbRaster source, PixelRect region, PixelSize size)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!region.FitsIn(source.Width, source.Height))
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, $"The region does not lie inside the {source.Width}×{source.Height} raster.");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size.Width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size.Height);
        var tensor = PreprocessedImage.Rent(size.Width, size.Height);
        if (region.Width == size.Width && region.Height == size.Height)
        {
            CopyPlanes(source, region, tensor.Writable.Span);
            return tensor;
        }
        var horizontal = ResizeKernels.Create(region.Width, size.Width);
        var vertical = ResizeKernels.Create(region.Height, size.Height);
        var planeLength = size.Width * region.Height;
        var intermediate = PixelBuffers.Rent<float>(3 * planeLength);
        var row = PixelBuffers.Rent<float>(3 * region.Width);
        try
        {
            for (var y = 0; y < region.Height; y++)
            {
                SplitRow(source.Row(region.Y + y).Slice(3 * region.X, 3 * region.Width), row.AsSpan(0, 3 * region.Width));
                for (var c = 0; c < 3; c++)
                {
                    var planeRow = row.AsSpan(c * region.Width, region.Width);
                    var output = intermediate.AsSpan(c * planeLength + y * size.Width, size.Width);
                    for (var x = 0; x < size.Width; x++)
                    {
                        output[x] = Dot(planeRow.Slice(horizontal.Starts[x], horizontal.Lengths[x]), horizontal.WeightsOf(x));
                    }
                }
            }
            VerticalPass(intermediate, planeLength, vertical, size, tensor.Writable.Span);
            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
        finally
        {
            PixelBuffers.Return(intermediate);
            PixelBuffers.Return(row);
        }
    }

    /// <summary>Resizes the whole raster to <paramref name="size"/>.</summary>
    public static PreprocessedImage Resize(RgbRaster source, PixelSize size)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Resize(source, new PixelRect(0, 0, source.Width, source.Height), size);
    }

    private static void VerticalPass(float[] intermediate, int planeLength, ResizeKernels vertical, PixelSize size, Span<float> destination)
    {
        var plane = size.Width * size.Height;
        for (var c = 0; c < 3; c++)
        {
            var source = intermediate.AsSpan(c * planeLength, planeLength);
            for (var y = 0; y < size.Height; y++)
            {
                var output = destination.Slice(c * plane + y * size.Width, size.Width);
                output.Clear();
                var weights = vertical.WeightsOf(y);
                var top = vertical.Starts[y];
                for (var k = 0; k < weights.Length; k++)
                {
                    MultiplyAdd(source.Slice((top + k) * size.Width, size.Width), weights[k], output);
                }
                RoundToBytes(output);
            }
        }
    }

    /// <summary>Interleaved RGB bytes → three consecutive float runs (R…, G…, B…).</summary>
    private static void SplitRow(ReadOnlySpan<byte> rgb, Span<float> planes)
    {
        var width = rgb.Length / 3;
        var red = planes[..width];
        var green = planes.Slice(width, width);
        var blue = planes.Slice(2 * width, width);
        for (var x = 0; x < width; x++)
        {
            red[x] = rgb[3 * x];
            green[x] = rgb[3 * x + 1];
            blue[x] = rgb[3 * x + 2];
        }
    }

    private static void CopyPlanes(RgbRaster source, PixelRect region, Span<float> destination)
    {
        var plane = region.Width * region.Height;
        for (var y = 0; y < region.Height; y++)
        {
            var rgb = source.Row(region.Y + y).Slice(3 * region.X, 3 * region.Width);
            for (var x = 0; x < region.Width; x++)
            {
                var at = y * region.Width + x;
                destination[at] = rgb[3 * x];
                destination[plane + at] = rgb[3 * x + 1];
                destination[2 * plane + at] = rgb[3 * x + 2];
            }
        }
    }

    private static float Dot(ReadOnlySpan<float> values, ReadOnlySpan<float> weights)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(values[i..]) * new Vector<float>(weights[i..]);
        }
        var total = Vector.Sum(sum);
        for (; i < values.Length; i++)
        {
            total += values[i] * weights[i];
        }
        return total;
    }

    private static void MultiplyAdd(ReadOnlySpan<float> values, float weight, Span<float> accumulator)
    {
        var scaled = new Vector<float>(weight);
        var i = 0;
        for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (new Vector<float>(accumulator[i..]) + new Vector<float>(values[i..]) * scaled).CopyTo(accumulator[i..]);
        }
        for (; i < values.Length; i++)
        {
            accumulator[i] += values[i] * weight;
        }
    }

    // Clamp, then round half up, as an 8-bit image would store the value.
    private static void RoundToBytes(Span<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Floor(Math.Clamp(values[i], 0f, 255f) + 0.5f);
        }
    }
}

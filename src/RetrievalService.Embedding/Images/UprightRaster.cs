namespace RetrievalService.Embedding.Images;

/// <summary>
/// Turns a decoder's stored RGBA rows into an upright opaque <see cref="RgbRaster"/> in one pass: each output
/// pixel is read from where the EXIF orientation says it was stored and composited onto the background.
/// </summary>
internal static class UprightRaster
{
    /// <summary>
    /// <paramref name="rgba"/> is unpremultiplied RGBA, <paramref name="width"/> × <paramref name="height"/> as stored;
    /// <paramref name="opaque"/> skips the blend when the format has no alpha.
    /// </summary>
    public static RgbRaster From(ReadOnlySpan<byte> rgba, int width, int height, Orientation orientation, RgbColor background, bool opaque)
    {
        var swaps = orientation is Orientation.LeftTop or Orientation.RightTop or Orientation.RightBottom or Orientation.LeftBottom;
        var raster = swaps ? RgbRaster.Rent(height, width) : RgbRaster.Rent(width, height);
        var (start, stepX, stepY) = Walk(orientation, width, height);
        for (var y = 0; y < raster.Height; y++)
        {
            var row = raster.Row(y);
            if (stepX == 1)
            {
                // Rows stored in order (upright or mirrored top to bottom): a straight pass, the common case.
                CopyRow(rgba.Slice(4 * (start + y * stepY), 4 * raster.Width), row, background, opaque);
                continue;
            }
            var source = start + y * stepY;
            for (var x = 0; x < raster.Width; x++, source += stepX)
            {
                Write(rgba.Slice(4 * source, 4), row.Slice(3 * x, 3), background, opaque);
            }
        }
        return raster;
    }

    private static void CopyRow(ReadOnlySpan<byte> rgba, Span<byte> rgb, RgbColor background, bool opaque)
    {
        var width = rgb.Length / 3;
        if (opaque)
        {
            for (int x = 0, s = 0, d = 0; x < width; x++, s += 4, d += 3)
            {
                rgb[d] = rgba[s];
                rgb[d + 1] = rgba[s + 1];
                rgb[d + 2] = rgba[s + 2];
            }
            return;
        }
        for (var x = 0; x < width; x++)
        {
            Write(rgba.Slice(4 * x, 4), rgb.Slice(3 * x, 3), background, opaque: false);
        }
    }

    private static void Write(ReadOnlySpan<byte> pixel, Span<byte> output, RgbColor background, bool opaque)
    {
        if (opaque || pixel[3] == 255)
        {
            output[0] = pixel[0];
            output[1] = pixel[1];
            output[2] = pixel[2];
            return;
        }
        output[0] = AlphaCompositor.Blend(pixel[0], background.R, pixel[3]);
        output[1] = AlphaCompositor.Blend(pixel[1], background.G, pixel[3]);
        output[2] = AlphaCompositor.Blend(pixel[2], background.B, pixel[3]);
    }

    /// <summary>Stored pixel index of output (0, 0), and how it moves per output column and per output row.</summary>
    private static (int Start, int StepX, int StepY) Walk(Orientation orientation, int w, int h) => orientation switch
    {
        Orientation.TopRight => (w - 1, -1, w),
        Orientation.BottomRight => ((h - 1) * w + w - 1, -1, -w),
        Orientation.BottomLeft => ((h - 1) * w, 1, -w),
        Orientation.LeftTop => (0, w, 1),
        Orientation.RightTop => ((h - 1) * w, -w, 1),
        Orientation.RightBottom => ((h - 1) * w + w - 1, -w, -1),
        Orientation.LeftBottom => (w - 1, w, -1),
        _ => (0, 1, w),
    };
}

namespace RetrievalService.Embedding.Images;

/// <summary>
/// Turns a decoder's stored RGBA rows into an upright opaque <see cref="RgbRaster"/>: transparency composited onto
/// the background, optionally reduced by averaging <c>factor × factor</c> blocks (for formats whose decoder cannot
/// reduce), then turned as the EXIF orientation says.
/// </summary>
internal static class UprightRaster
{
    /// <summary>
    /// <paramref name="rgba"/> is unpremultiplied RGBA, <paramref name="width"/> × <paramref name="height"/> as stored;
    /// <paramref name="opaque"/> skips the blend when the format has no alpha; <paramref name="factor"/> is 1, 2, 4 or 8.
    /// </summary>
    public static RgbRaster From(ReadOnlySpan<byte> rgba, int width, int height, Orientation orientation, RgbColor background, bool opaque, int factor = 1)
    {
        if (factor == 1)
        {
            return Oriented(rgba, 4, width, height, orientation, background, opaque);
        }
        var reduced = BoxReduce(rgba, width, height, factor, background, opaque);
        if (orientation == Orientation.TopLeft)
        {
            return reduced;
        }
        using (reduced)
        {
            return Oriented(reduced.Pixels, 3, reduced.Width, reduced.Height, orientation, background, opaque: true);
        }
    }

    // Each output pixel is the rounded mean of the composited pixels of its block; blocks at the right and bottom
    // edges are partial, as libjpeg's reduced sizes round up. Written block by block with plain indexing: this loop
    // reads every pixel of a 16 MP PNG.
    private static RgbRaster BoxReduce(ReadOnlySpan<byte> rgba, int width, int height, int factor, RgbColor background, bool opaque)
    {
        var reduced = RgbRaster.Rent((width + factor - 1) / factor, (height + factor - 1) / factor);
        var sums = new int[3 * reduced.Width];
        for (var top = 0; top < height; top += factor)
        {
            Array.Clear(sums);
            var rows = Math.Min(factor, height - top);
            for (var y = top; y < top + rows; y++)
            {
                var row = rgba.Slice(4 * width * y, 4 * width);
                for (var bx = 0; bx < reduced.Width; bx++)
                {
                    int r = 0, g = 0, b = 0;
                    var end = Math.Min(width, (bx + 1) * factor);
                    for (var s = 4 * bx * factor; s < 4 * end; s += 4)
                    {
                        var alpha = row[s + 3];
                        if (opaque || alpha == 255)
                        {
                            r += row[s];
                            g += row[s + 1];
                            b += row[s + 2];
                        }
                        else
                        {
                            r += AlphaCompositor.Blend(row[s], background.R, alpha);
                            g += AlphaCompositor.Blend(row[s + 1], background.G, alpha);
                            b += AlphaCompositor.Blend(row[s + 2], background.B, alpha);
                        }
                    }
                    sums[3 * bx] += r;
                    sums[3 * bx + 1] += g;
                    sums[3 * bx + 2] += b;
                }
            }
            var output = reduced.Row(top / factor);
            for (var bx = 0; bx < reduced.Width; bx++)
            {
                var count = rows * Math.Min(factor, width - bx * factor);
                for (var c = 0; c < 3; c++)
                {
                    output[3 * bx + c] = (byte)((sums[3 * bx + c] + count / 2) / count);
                }
            }
        }
        return reduced;
    }

    /// <summary>Reads pixels of <paramref name="stride"/> bytes (4: RGBA, 3: RGB) in EXIF order into an upright raster.</summary>
    private static RgbRaster Oriented(ReadOnlySpan<byte> pixels, int stride, int width, int height, Orientation orientation, RgbColor background, bool opaque)
    {
        var swaps = orientation is Orientation.LeftTop or Orientation.RightTop or Orientation.RightBottom or Orientation.LeftBottom;
        var raster = swaps ? RgbRaster.Rent(height, width) : RgbRaster.Rent(width, height);
        var (start, stepX, stepY) = Walk(orientation, width, height);
        for (var y = 0; y < raster.Height; y++)
        {
            var row = raster.Row(y);
            var source = start + y * stepY;
            if (stepX == 1 && stride == 4)
            {
                // Rows stored in order (upright or mirrored top to bottom): a straight pass, the common case.
                CopyRow(pixels.Slice(4 * source, 4 * raster.Width), row, background, opaque);
                continue;
            }
            for (var x = 0; x < raster.Width; x++, source += stepX)
            {
                var input = pixels.Slice(stride * source, stride);
                if (stride == 3)
                {
                    input.CopyTo(row.Slice(3 * x, 3));
                }
                else
                {
                    Write(input, row.Slice(3 * x, 3), background, opaque);
                }
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

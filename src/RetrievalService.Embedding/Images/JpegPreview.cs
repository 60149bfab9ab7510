using SkiaSharp;

namespace RetrievalService.Embedding.Images;

/// <summary>Encodes a decoded raster as a small JPEG: the picture as the pipeline sees it (upright, composited), shrunk, never enlarged.</summary>
public static class JpegPreview
{
    /// <summary>The preview's size for a <paramref name="width"/> × <paramref name="height"/> picture: the longer side at most <paramref name="longerSide"/>.</summary>
    public static PixelSize TargetSize(int width, int height, int longerSide)
    {
        var scale = Math.Min(1.0, (double)longerSide / Math.Max(width, height));
        return new PixelSize(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    /// <summary>The JPEG bytes, or null when Skia cannot encode them (a preview is best-effort; the caller decides what to log).</summary>
    public static byte[]? Encode(RgbRaster raster, PreviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(raster);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var full = ToBitmap(raster);
        using var source = SKImage.FromBitmap(full);
        var size = TargetSize(raster.Width, raster.Height, options.LongerSide);
        if (size == raster.Size)
        {
            return EncodeJpeg(source, options.Quality);
        }
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        if (surface is null)
        {
            return null;
        }
        // Mipmaps average the pixels a large reduction skips, so a 1/4 shrink does not alias fine patterns.
        surface.Canvas.DrawImage(source, new SKRect(0, 0, size.Width, size.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var shrunk = surface.Snapshot();
        return EncodeJpeg(shrunk, options.Quality);
    }

    private static byte[]? EncodeJpeg(SKImage? image, int quality)
    {
        using var data = image?.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data?.ToArray();
    }

    private static SKBitmap ToBitmap(RgbRaster raster)
    {
        var bitmap = new SKBitmap(new SKImageInfo(raster.Width, raster.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        unsafe
        {
            var pixels = new Span<byte>((void*)bitmap.GetPixels(), bitmap.RowBytes * raster.Height);
            for (var y = 0; y < raster.Height; y++)
            {
                var rgb = raster.Row(y);
                var rgba = pixels.Slice(y * bitmap.RowBytes, 4 * raster.Width);
                for (int x = 0, i = 0, o = 0; x < raster.Width; x++, i += 3, o += 4)
                {
                    rgba[o] = rgb[i];
                    rgba[o + 1] = rgb[i + 1];
                    rgba[o + 2] = rgb[i + 2];
                    rgba[o + 3] = 255;
                }
            }
        }
        return bitmap;
    }
}

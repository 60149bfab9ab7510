using SkiaSharp;

namespace RetrievalService.DecodeBench.ImageSet;

/// <summary>Centre-crops a photo to the target aspect ratio and resamples it with high-quality filters.</summary>
internal static class PhotoResampler
{
    private static readonly SKSamplingOptions Cubic = new(SKCubicResampler.Mitchell);
    private static readonly SKSamplingOptions Halving = new(SKFilterMode.Linear, SKMipmapMode.None);

    public static SKBitmap CropAndScale(SKBitmap source, int width, int height)
    {
        using var cropped = CropToAspect(source, width, height);
        var current = cropped.Copy();
        // A cubic filter alone aliases when shrinking by more than 2×; exact halvings (each a 2×2 box) first avoid that.
        while (current.Width >= 2 * width && current.Height >= 2 * height)
        {
            var half = Scale(current, current.Width / 2, current.Height / 2, Halving);
            current.Dispose();
            current = half;
        }
        if (current.Width == width && current.Height == height)
        {
            return current;
        }
        var result = Scale(current, width, height, Cubic);
        current.Dispose();
        return result;
    }

    private static SKBitmap CropToAspect(SKBitmap source, int width, int height)
    {
        // Integer cross-multiplication keeps the crop exact and identical on every machine.
        var cropWidth = source.Width;
        var cropHeight = (int)((long)source.Width * height / width);
        if (cropHeight > source.Height)
        {
            cropHeight = source.Height;
            cropWidth = (int)((long)source.Height * width / height);
        }
        var x = (source.Width - cropWidth) / 2;
        var y = (source.Height - cropHeight) / 2;
        var subset = new SKBitmap();
        if (!source.ExtractSubset(subset, new SKRectI(x, y, x + cropWidth, y + cropHeight)))
        {
            subset.Dispose();
            throw new InvalidOperationException($"Cannot crop {cropWidth}×{cropHeight} out of {source.Width}×{source.Height}.");
        }
        return subset;
    }

    private static SKBitmap Scale(SKBitmap source, int width, int height, SKSamplingOptions sampling)
    {
        var target = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        using var from = source.PeekPixels();
        using var to = target.PeekPixels();
        if (!from.ScalePixels(to, sampling))
        {
            target.Dispose();
            throw new InvalidOperationException($"Skia could not scale {source.Width}×{source.Height} to {width}×{height}.");
        }
        return target;
    }
}

namespace RetrievalService.Embedding.Images;

/// <summary>Compares the dimensions a header declares with the limits, before any pixel is allocated.</summary>
internal static class DimensionChecks
{
    public static void Check(int width, int height, string format, ImageDecodeLimits limits)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ImageRejectedException(ImageRejectionReason.Corrupt,
                $"The {format} header declares {width}×{height} pixels; re-export the image.");
        }
        if (width > limits.MaxWidth)
        {
            throw new ImageRejectedException(ImageRejectionReason.TooWide,
                $"The {format} image is {width} px wide; the limit is {limits.MaxWidth} px. Downscale it before sending.");
        }
        if (height > limits.MaxHeight)
        {
            throw new ImageRejectedException(ImageRejectionReason.TooTall,
                $"The {format} image is {height} px tall; the limit is {limits.MaxHeight} px. Downscale it before sending.");
        }
        var pixels = (long)width * height;
        if (pixels > limits.MaxPixels)
        {
            throw new ImageRejectedException(ImageRejectionReason.TooManyPixels,
                $"The {format} image has {width}×{height} = {pixels} pixels; the limit is {limits.MaxPixels}. Downscale it before sending.");
        }
    }
}

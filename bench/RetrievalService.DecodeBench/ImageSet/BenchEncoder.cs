using SkiaSharp;

namespace RetrievalService.DecodeBench.ImageSet;

/// <summary>The encoder settings of the set, one per <see cref="BenchImageFormat"/>.</summary>
internal static class BenchEncoder
{
    public static SKData Encode(SKBitmap bitmap, BenchImageFormat format)
    {
        using var pixmap = bitmap.PeekPixels();
        var data = format switch
        {
            // Skia's JPEG encoder writes baseline (non-progressive) files; 4:2:0 is what phone cameras produce.
            BenchImageFormat.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(90, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
            BenchImageFormat.Png => pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6)),
            BenchImageFormat.Webp => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 90)),
            _ => null,
        };
        return data ?? throw new InvalidOperationException($"Skia could not encode a {bitmap.Width}×{bitmap.Height} {format}.");
    }
}

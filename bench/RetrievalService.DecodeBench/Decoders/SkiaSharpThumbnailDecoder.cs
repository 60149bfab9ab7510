using System.Runtime.InteropServices;
using SkiaSharp;

namespace RetrievalService.DecodeBench.Decoders;

/// <summary>
/// The planned library: <see cref="SKCodec"/> decodes JPEG at 1/8, 1/4 or 1/2 scale inside libjpeg-turbo's IDCT
/// (the smallest whose longer side is still at least twice the target), then Skia's Mitchell cubic resizes.
/// </summary>
internal sealed class SkiaSharpThumbnailDecoder : IThumbnailDecoder
{
    public const string LibraryName = "SkiaSharp";

    private static readonly float[] Scales = [0.125f, 0.25f, 0.5f];
    private static readonly SKSamplingOptions Sampling = new(SKCubicResampler.Mitchell);

    public string Name => LibraryName;

    public string Licence => "MIT + BSD-3 (Skia), BSD-like codecs";

    public Thumbnail Decode(byte[] bytes, int longerSide)
    {
        // Pinned rather than copied into an SKData: the service holds the request body in a managed array too.
        var pin = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        try
        {
            using var data = SKData.Create(pin.AddrOfPinnedObject(), bytes.Length);
            using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("Skia does not recognise the bytes.");
            using var decoded = DecodeScaled(codec, longerSide);
            return Resize(decoded, longerSide);
        }
        finally
        {
            pin.Free();
        }
    }

    private static SKBitmap DecodeScaled(SKCodec codec, int longerSide)
    {
        var size = codec.Info.Size;
        foreach (var scale in Scales)
        {
            // Codecs that cannot scale (PNG) answer with the full size, which then wins at the end anyway.
            var scaled = codec.GetScaledDimensions(scale);
            if (Math.Max(scaled.Width, scaled.Height) >= 2 * longerSide)
            {
                size = scaled;
                break;
            }
        }
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new InvalidDataException($"Skia decoded {size.Width}×{size.Height} with {result}.");
        }
        return bitmap;
    }

    private static Thumbnail Resize(SKBitmap decoded, int longerSide)
    {
        var (width, height) = ThumbnailDecoders.TargetSize(decoded.Width, decoded.Height, longerSide);
        using var resized = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, decoded.AlphaType));
        using (var from = decoded.PeekPixels())
        using (var to = resized.PeekPixels())
        {
            if (!from.ScalePixels(to, Sampling))
            {
                throw new InvalidOperationException($"Skia could not scale {decoded.Width}×{decoded.Height} to {width}×{height}.");
            }
        }
        var rgba = resized.GetPixelSpan();
        var rgb = new byte[width * height * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        return new Thumbnail(width, height, rgb, decoded.Width, decoded.Height);
    }
}

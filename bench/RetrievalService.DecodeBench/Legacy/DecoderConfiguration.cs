using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace RetrievalService.DecodeBench.Legacy;

/// <summary>The old ImageSharp configuration for untrusted input: six formats, first frame only, bounded buffers.</summary>
internal static class DecoderConfiguration
{
    public const string SupportedFormats = "JPEG, PNG, WebP, GIF, BMP, TIFF";

    // Headroom over the RGBA frame for decoder scratch buffers (JPEG component planes, PNG scanlines).
    private const long BytesPerPixelBudget = 8;

    public static Configuration Create(LegacyDecodeLimits limits)
    {
        // Built from explicit modules rather than Configuration.Default, so TGA and PBM are never parsed.
        var configuration = new Configuration(
            new JpegConfigurationModule(),
            new PngConfigurationModule(),
            new WebpConfigurationModule(),
            new GifConfigurationModule(),
            new BmpConfigurationModule(),
            new TiffConfigurationModule());

        // Animations and multi-page files would otherwise decode every frame within the per-frame limits.
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance,
            new GifDecoder { DecodingMode = FrameDecodingMode.First, MaxFrames = 1 });
        configuration.ImageFormatsManager.SetDecoder(TiffFormat.Instance,
            new TiffDecoder { DecodingMode = FrameDecodingMode.First });

        // A safety net for headers that lie: no single buffer may outgrow what the pixel limit implies.
        var limitMegabytes = Math.Max(64, limits.MaxPixels * BytesPerPixelBudget / (1024 * 1024));
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
        {
            AllocationLimitMegabytes = (int)Math.Min(int.MaxValue, limitMegabytes),
        });
        return configuration;
    }
}

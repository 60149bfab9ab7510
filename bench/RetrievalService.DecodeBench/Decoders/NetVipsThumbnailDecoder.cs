using NetVips;
using VipsImage = NetVips.Image;

namespace RetrievalService.DecodeBench.Decoders;

/// <summary>
/// libvips' <c>thumbnail_buffer</c>: shrink-on-load (JPEG DCT scaling, WebP scaled decode), then its own reduce
/// (Lanczos 3). Operation cache off, so repeating the same bytes measures work rather than cache hits.
/// </summary>
internal sealed class NetVipsThumbnailDecoder : IThumbnailDecoder
{
    public const string LibraryName = "NetVips";

    static NetVipsThumbnailDecoder()
    {
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        // One worker thread, like the other candidates (VIPS_CONCURRENCY=1 does the same from the environment).
        NetVips.NetVips.Concurrency = 1;
    }

    public string Name => LibraryName;

    public string Licence => "MIT + LGPL-3.0 (libvips)";

    public Thumbnail Decode(byte[] bytes, int longerSide)
    {
        using var thumbnail = VipsImage.ThumbnailBuffer(bytes, longerSide, height: longerSide);
        using var rgb = ToRgb(thumbnail);
        var pixels = rgb.WriteToMemory<byte>();
        // libvips does not say which shrink-on-load factor it picked; 0 means "not reported".
        return new Thumbnail(rgb.Width, rgb.Height, pixels, 0, 0);
    }

    private static VipsImage ToRgb(VipsImage image)
    {
        var flat = image.HasAlpha() ? image.Flatten() : image.Copy();
        if (flat.Bands == 3 && flat.Format == Enums.BandFormat.Uchar)
        {
            return flat;
        }
        using (flat)
        {
            using var srgb = flat.Colourspace(Enums.Interpretation.Srgb);
            return srgb.Cast(Enums.BandFormat.Uchar);
        }
    }
}

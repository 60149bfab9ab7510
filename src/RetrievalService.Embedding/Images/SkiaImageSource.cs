using System.Buffers;
using SkiaSharp;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// One untrusted encoded image opened with Skia's codec: format sniffed, structure and header checked against
/// the limits, nothing decoded yet. <see cref="Decode"/> then produces the upright RGB raster at a chosen
/// reduction. Holds the caller's bytes pinned until disposed.
/// </summary>
internal sealed class SkiaImageSource : IDisposable
{
    private const int BandRows = 16;

    private readonly ImageDecodeLimits limits;
    private readonly MemoryHandle pin;
    private readonly SKData data;
    private readonly SKCodec codec;
    private readonly JpegStructure.Layout? jpeg;

    private SkiaImageSource(ImageDecodeLimits limits, ImageContainer container, MemoryHandle pin, SKData data, SKCodec codec,
        JpegStructure.Layout? jpeg, Orientation? containerOrientation)
    {
        this.limits = limits;
        this.pin = pin;
        this.data = data;
        this.codec = codec;
        this.jpeg = jpeg;
        Container = container;
        StoredSize = new PixelSize(codec.Info.Width, codec.Info.Height);
        Scalable = container == ImageContainer.Jpeg || (container == ImageContainer.WebP && codec.FrameCount <= 1);
        Orientation = codec.EncodedOrigin is > SKEncodedOrigin.TopLeft and <= SKEncodedOrigin.LeftBottom
            ? (Orientation)codec.EncodedOrigin
            : containerOrientation ?? Orientation.TopLeft;
    }

    public ImageContainer Container { get; }

    /// <summary>Dimensions as stored, before the EXIF orientation is applied.</summary>
    public PixelSize StoredSize { get; }

    public Orientation Orientation { get; }

    /// <summary>Dimensions of the upright picture.</summary>
    public PixelSize UprightSize => Orientation >= Orientation.LeftTop ? new PixelSize(StoredSize.Height, StoredSize.Width) : StoredSize;

    /// <summary>Whether the decoder itself produces a reduced raster (every JPEG, still WebP).</summary>
    public bool Scalable { get; }

    /// <summary>
    /// Whether the decode's memory follows the reduced raster, so the declared size may exceed
    /// <see cref="ImageDecodeLimits.MaxPixels"/>: baseline JPEG and still WebP. A progressive JPEG keeps every
    /// coefficient of the whole frame while its scans arrive, so its declared size stays under the raster limit.
    /// </summary>
    public bool DecodesInReducedMemory => Scalable && jpeg is not { Progressive: true };

    public string FormatName => Name(Container);

    /// <summary>The format's usual written name: JPEG, PNG, WebP, GIF, BMP.</summary>
    public static string Name(ImageContainer container) => container switch
    {
        ImageContainer.Jpeg => "JPEG",
        ImageContainer.Png => "PNG",
        ImageContainer.WebP => "WebP",
        ImageContainer.Gif => "GIF",
        _ => "BMP",
    };

    /// <exception cref="ImageRejectedException">Unsupported, structurally corrupt, or over a declared-size limit.</exception>
    public static SkiaImageSource Open(ReadOnlyMemory<byte> bytes, ImageDecodeLimits limits)
    {
        var container = FormatSniffer.Sniff(bytes.Span);
        JpegStructure.Layout? jpeg = container == ImageContainer.Jpeg ? JpegStructure.Read(bytes.Span) : null;
        Orientation? pngOrientation = null;
        if (container == ImageContainer.Png)
        {
            // Checked before Skia sees the file, so a header-only bomb is refused for its size, not its missing data.
            var header = PngHeader.Read(bytes.Span);
            CheckDeclaredSize(limits, Name(container), header.Width, header.Height, scalable: false);
            pngOrientation = header.Orientation;
        }
        var pin = bytes.Pin();
        SKData? data = null;
        SKCodec? codec = null;
        try
        {
            unsafe
            {
                // Wraps the pinned bytes without a copy; the release callback has nothing to free.
                data = SKData.Create((IntPtr)pin.Pointer, bytes.Length, (_, _) => { });
            }
            codec = SKCodec.Create(data) ?? throw Corrupt(container, "its header cannot be read");
            if (!Matches(codec.EncodedFormat, container))
            {
                throw Corrupt(container, $"the decoder reads it as {codec.EncodedFormat}");
            }
            var source = new SkiaImageSource(limits, container, pin, data, codec, jpeg, pngOrientation);
            CheckDeclaredSize(limits, source.FormatName, source.StoredSize.Width, source.StoredSize.Height, source.DecodesInReducedMemory);
            if (jpeg is { Progressive: true } progressive)
            {
                CheckCoefficients(limits, progressive);
            }
            return source;
        }
        catch
        {
            codec?.Dispose();
            data?.Dispose();
            pin.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Decodes the first frame, reduced by the smallest supported factor ≥ <paramref name="minimumScale"/> (inside the
    /// decoder for baseline JPEG and still WebP, by block means after it for the rest), applies the EXIF orientation and
    /// composites transparency onto <paramref name="background"/>.
    /// </summary>
    /// <exception cref="ImageRejectedException">The data is damaged or truncated, or the decode ran past its deadline.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public RgbRaster Decode(double minimumScale, RgbColor background, CancellationToken cancellationToken)
    {
        var budget = new DecodeBudget(limits.DecodeDeadlineMs, cancellationToken);
        budget.Check(FormatName);
        var scale = DecodeScale.Choose(minimumScale);
        var size = Scalable ? ScaledSize(scale) : StoredSize;
        // What the decoder cannot reduce is reduced while its rows are converted (block means), but only by 4 or 8:
        // those are the images whose full-size raster is worth avoiding, while a factor of 2 would save little and move
        // vectors of ordinary PNGs away from the whole-image resize they were indexed with (seen on a dark,
        // dithered wallpaper: docs/image-pipeline.md#reduced-decoding).
        var factor = Scalable ? 1 : WholeDecodeFactor(scale);
        CheckPixels(limits, FormatName, (long)size.Width * size.Height, "decoded");
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var rgba = new NativePixels(info.BytesSize);
        DecodeInto(info, rgba.Address, budget);
        budget.Check(FormatName);
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        return UprightRaster.From(rgba.Span, size.Width, size.Height, Orientation, background, opaque, factor);
    }

    /// <summary>The block size formats decoded whole are reduced by: 1 unless the decode scale is 1/4 or 1/8.</summary>
    internal static int WholeDecodeFactor(float scale) => scale <= 0.25f ? (int)Math.Round(1 / scale) : 1;

    public void Dispose()
    {
        codec.Dispose();
        data.Dispose();
        pin.Dispose();
    }

    private PixelSize ScaledSize(float scale)
    {
        if (scale >= 1f)
        {
            return StoredSize;
        }
        if (Container == ImageContainer.Jpeg)
        {
            var scaled = codec.GetScaledDimensions(scale);
            return new PixelSize(scaled.Width, scaled.Height);
        }
        // libwebp rescales to any size; round up like libjpeg so the raster never falls short of the request.
        return new PixelSize((int)Math.Ceiling(StoredSize.Width * (double)scale), (int)Math.Ceiling(StoredSize.Height * (double)scale));
    }

    private void DecodeInto(SKImageInfo info, IntPtr pixels, DecodeBudget budget)
    {
        var result = Container == ImageContainer.Jpeg ? DecodeJpegRows(info, pixels, budget) : DecodeWhole(info, pixels);
        if (result != SKCodecResult.Success)
        {
            throw result == SKCodecResult.IncompleteInput
                ? Corrupt(Container, "it is truncated")
                : Corrupt(Container, $"the decoder reports {result}");
        }
    }

    // Row bands let a slow or endless JPEG be stopped; a JPEG cut short yields fewer rows than it declared.
    private SKCodecResult DecodeJpegRows(SKImageInfo info, IntPtr pixels, DecodeBudget budget)
    {
        var started = codec.StartScanlineDecode(info);
        if (started != SKCodecResult.Success)
        {
            return started;
        }
        for (var row = 0; row < info.Height; row += BandRows)
        {
            budget.Check(FormatName);
            var count = Math.Min(BandRows, info.Height - row);
            if (codec.GetScanlines(pixels + row * info.RowBytes, count, info.RowBytes) < count)
            {
                return SKCodecResult.IncompleteInput;
            }
        }
        return SKCodecResult.Success;
    }

    private SKCodecResult DecodeWhole(SKImageInfo info, IntPtr pixels)
    {
        var options = new SKCodecOptions(0);
        var started = codec.StartIncrementalDecode(info, pixels, info.RowBytes, options);
        if (started == SKCodecResult.Unimplemented)
        {
            return codec.GetPixels(info, pixels, info.RowBytes, options);
        }
        return started != SKCodecResult.Success ? started : codec.IncrementalDecode(out _);
    }

    private static void CheckDeclaredSize(ImageDecodeLimits limits, string format, int width, int height, bool scalable)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ImageRejectedException(ImageRejectionReason.Corrupt,
                $"The {format} image is corrupt: its header declares {width}×{height} pixels; re-export the image.");
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
        if (!scalable)
        {
            CheckPixels(limits, format, pixels, "declared");
        }
        else if (pixels > limits.MaxScaledSourcePixels)
        {
            throw TooManyPixels(format, $"has {width}×{height} = {pixels} pixels; the limit is {limits.MaxScaledSourcePixels}");
        }
    }

    // The coefficients are the progressive decode's real allocation; they get the budget a whole-decoded raster has
    // (MaxPixels as RGBA), so a 16 MP 4:2:0 file (48 MB) fits and a 16 MP 4:4:4 one (96 MB) does not.
    private static void CheckCoefficients(ImageDecodeLimits limits, JpegStructure.Layout jpeg)
    {
        var budget = 4L * limits.MaxPixels;
        if (jpeg.CoefficientBytes > budget)
        {
            throw TooManyPixels("JPEG", $"is progressive: decoding it holds {jpeg.CoefficientBytes / (1024 * 1024)} MiB of coefficients, over the "
                + $"{budget / (1024 * 1024)} MiB a decode may use. Re-encode it as a baseline JPEG (any size a phone takes is accepted) or downscale it");
        }
    }

    private static void CheckPixels(ImageDecodeLimits limits, string format, long pixels, string what)
    {
        if (pixels > limits.MaxPixels)
        {
            var hint = format == "JPEG" ? " (a baseline JPEG may be larger: it is decoded at a reduced scale)" : "";
            throw TooManyPixels(format, $"has {pixels} {what} pixels; the limit for this format is {limits.MaxPixels}{hint}");
        }
    }

    private static ImageRejectedException TooManyPixels(string format, string what) =>
        new(ImageRejectionReason.TooManyPixels, $"The {format} image {what}. Downscale it before sending.");

    private static bool Matches(SKEncodedImageFormat format, ImageContainer container) => (format, container) switch
    {
        (SKEncodedImageFormat.Jpeg, ImageContainer.Jpeg) => true,
        (SKEncodedImageFormat.Png, ImageContainer.Png) => true,
        (SKEncodedImageFormat.Webp, ImageContainer.WebP) => true,
        (SKEncodedImageFormat.Gif, ImageContainer.Gif) => true,
        (SKEncodedImageFormat.Bmp, ImageContainer.Bmp) => true,
        _ => false,
    };

    private static ImageRejectedException Corrupt(ImageContainer container, string what) =>
        new(ImageRejectionReason.Corrupt, $"The {Name(container)} image is corrupt: {what}; check that the whole file was sent.");
}

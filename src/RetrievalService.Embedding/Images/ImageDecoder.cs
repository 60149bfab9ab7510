using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// Decodes untrusted image bytes under <see cref="ImageDecodeLimits"/>: encoded size first, then the header's
/// format and dimensions via <c>Image.Identify</c>, and only then the pixels. Thread-safe; share one instance.
/// </summary>
public sealed class ImageDecoder
{
    private readonly Configuration configuration;

    /// <summary>Creates a decoder; throws <see cref="ArgumentException"/> for invalid limits.</summary>
    public ImageDecoder(ImageDecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        Limits = limits;
        configuration = DecoderConfiguration.Create(limits);
    }

    /// <summary>The limits every call is checked against.</summary>
    public ImageDecodeLimits Limits { get; }

    /// <summary>
    /// Decodes the first frame, applies its EXIF orientation (then drops the EXIF profile) and composites
    /// transparency onto <paramref name="background"/>.
    /// </summary>
    /// <exception cref="ImageRejectedException">The bytes break a limit, are not a supported format, or are corrupt.</exception>
    public DecodedImage Decode(ReadOnlyMemory<byte> bytes, Rgb24 background)
    {
        CheckByteLength(bytes.Length);
        var format = IdentifyWithinLimits(bytes);
        using var rgba = DecoderFailures.Guard(format, () => Image.Load<Rgba32>(configuration, bytes.Span));
        rgba.Mutate(x => x.AutoOrient());
        // AutoOrient resets the tag to 1; dropping the whole profile also keeps camera and GPS data out of memory.
        rgba.Metadata.ExifProfile = null;
        return new DecodedImage(AlphaCompositor.Composite(rgba, background), format.Name);
    }

    private void CheckByteLength(int length)
    {
        if (length == 0)
        {
            throw new ImageRejectedException(ImageRejectionReason.Empty, "The image is empty: send the file's bytes as the request body.");
        }
        if (length > Limits.MaxBytes)
        {
            throw new ImageRejectedException(ImageRejectionReason.TooManyBytes,
                $"The image is {length} bytes; the limit is {Limits.MaxBytes} bytes. Re-encode it smaller (e.g. JPEG at a lower resolution).");
        }
    }

    private IImageFormat IdentifyWithinLimits(ReadOnlyMemory<byte> bytes)
    {
        IImageFormat? format = null;
        var info = DecoderFailures.Guard(null, () =>
        {
            using var stream = DecoderFailures.AsStream(bytes);
            return Image.Identify(configuration, stream, out format);
        });
        if (info is null || format is null)
        {
            throw new ImageRejectedException(ImageRejectionReason.UnsupportedFormat,
                $"The bytes are not a supported image; send one of {DecoderConfiguration.SupportedFormats}.");
        }
        DimensionChecks.Check(info.Width, info.Height, format.Name, Limits);
        return format;
    }
}

using System.Diagnostics;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// The one way an image becomes a model input, for gallery and queries alike: bytes → limits → decode (JPEG and
/// WebP at a reduced scale that still covers the model's side twice over) → EXIF orientation → alpha compositing →
/// bicubic resize of the longer side → NCHW float tensor. Asymmetric retrieval compares vectors made on both sides
/// of this pipeline, so nothing else may prepare images for a model. Thread-safe; share one instance.
/// </summary>
public sealed class ImagePipeline
{
    /// <summary>
    /// Names this preprocessing in every model manifest (<see cref="InputConvention.Preprocessing"/>). Change it
    /// whenever a change here can move a vector: galleries indexed under another name must be re-indexed.
    /// </summary>
    public const string Identity = "skia-dct-cover2/keys-bicubic/v1";

    /// <summary>How many times the model's side a reduced decode must still cover before the bicubic resize.</summary>
    public const double CoverMargin = 2.0;

    /// <summary>Creates a pipeline; throws <see cref="ArgumentException"/> for invalid limits.</summary>
    public ImagePipeline(ImageDecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        Limits = limits;
    }

    /// <summary>The limits every call is checked against.</summary>
    public ImageDecodeLimits Limits { get; }

    /// <summary>Prepares <paramref name="bytes"/> for a model with input convention <paramref name="input"/>.</summary>
    /// <exception cref="ImageRejectedException">The bytes break a limit, are not a supported format, or are corrupt.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public PreparedImage Prepare(ReadOnlyMemory<byte> bytes, InputConvention input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Prepare(bytes, input, [input.RecommendedLongerSide], null, cancellationToken);
    }

    /// <summary>
    /// Prepares one tensor per longer side in <paramref name="longerSides"/> (multi-scale extraction), optionally
    /// of a region only: <paramref name="region"/> receives the upright picture's full size and returns the
    /// rectangle to keep, in those coordinates (e.g. a query's bounding box).
    /// </summary>
    /// <exception cref="ImageRejectedException">The bytes break a limit, are not a supported format, or are corrupt.</exception>
    /// <exception cref="ArgumentException"><paramref name="region"/> returned a rectangle outside the picture.</exception>
    public PreparedImage Prepare(ReadOnlyMemory<byte> bytes, InputConvention input, IReadOnlyList<int> longerSides,
        Func<PixelSize, PixelRect>? region, CancellationToken cancellationToken = default) =>
        Prepare(bytes, input, longerSides, region, null, cancellationToken);

    /// <summary>
    /// As <see cref="Prepare(ReadOnlyMemory{byte}, InputConvention, CancellationToken)"/>, and also encodes a JPEG preview of
    /// the raster it decoded (<see cref="PreparedImage.Preview"/>), after orientation and compositing, before the model's
    /// resize: a gallery's thumbnail costs no second decode.
    /// </summary>
    /// <exception cref="ImageRejectedException">The bytes break a limit, are not a supported format, or are corrupt.</exception>
    public PreparedImage Prepare(ReadOnlyMemory<byte> bytes, InputConvention input, PreviewOptions preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(preview);
        return Prepare(bytes, input, [input.RecommendedLongerSide], null, preview, cancellationToken);
    }

    /// <summary>
    /// Only the preview <see cref="Prepare(ReadOnlyMemory{byte}, InputConvention, PreviewOptions, CancellationToken)"/> would
    /// make, from the same decode (for images already embedded whose preview is missing); null when it cannot be encoded.
    /// </summary>
    /// <exception cref="ImageRejectedException">The bytes break a limit, are not a supported format, or are corrupt.</exception>
    public byte[]? Preview(ReadOnlyMemory<byte> bytes, InputConvention input, PreviewOptions preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(preview);
        using var raster = Decode(bytes, AlphaCompositor.Background(input.AlphaBackground), input.RecommendedLongerSide, cancellationToken);
        return JpegPreview.Encode(raster, preview);
    }

    private PreparedImage Prepare(ReadOnlyMemory<byte> bytes, InputConvention input, IReadOnlyList<int> longerSides,
        Func<PixelSize, PixelRect>? region, PreviewOptions? preview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(longerSides);
        if (longerSides.Count == 0 || longerSides.Any(s => s < input.MinSide))
        {
            throw new ArgumentException($"Every longer side must be at least the model's minimum side {input.MinSide}.", nameof(longerSides));
        }
        var started = Stopwatch.GetTimestamp();
        CheckByteLength(bytes.Length);
        using var source = SkiaImageSource.Open(bytes, Limits);
        var full = source.UprightSize;
        var keep = region?.Invoke(full) ?? new PixelRect(0, 0, full.Width, full.Height);
        if (!keep.FitsIn(full.Width, full.Height))
        {
            throw new ArgumentException($"The region {keep} does not lie inside the {full.Width}×{full.Height} picture.", nameof(region));
        }
        var minimumScale = CoverMargin * longerSides.Max() / Math.Max(keep.Width, keep.Height);
        using var raster = source.Decode(minimumScale, AlphaCompositor.Background(input.AlphaBackground), cancellationToken);
        var decodedAt = Stopwatch.GetTimestamp();
        var jpeg = preview is null ? null : JpegPreview.Encode(raster, preview);
        var mapped = MapRegion(keep, full, raster.Size);
        var tensors = new List<PreprocessedImage>(longerSides.Count);
        try
        {
            foreach (var side in longerSides)
            {
                tensors.Add(ToTensor(raster, mapped, side, input.MinSide));
            }
        }
        catch
        {
            tensors.ForEach(t => t.Dispose());
            throw;
        }
        return new PreparedImage(tensors, source.FormatName, full, raster.Size,
            Stopwatch.GetElapsedTime(started, decodedAt).TotalMilliseconds, Stopwatch.GetElapsedTime(decodedAt).TotalMilliseconds)
        {
            Preview = jpeg,
        };
    }

    /// <summary>
    /// Decodes to an upright RGB raster for callers that work on pixels before the resize (training augmentation,
    /// dataset rendering): full resolution, or reduced like <see cref="Prepare(ReadOnlyMemory{byte}, InputConvention, CancellationToken)"/>
    /// when <paramref name="coverLongerSide"/> is given. Finish with <see cref="ToTensor(RgbRaster, int, int)"/> so the resize is the same.
    /// </summary>
    /// <exception cref="ImageRejectedException">The bytes break a limit, are not a supported format, or are corrupt.</exception>
    public RgbRaster Decode(ReadOnlyMemory<byte> bytes, RgbColor background, int? coverLongerSide = null, CancellationToken cancellationToken = default)
    {
        CheckByteLength(bytes.Length);
        using var source = SkiaImageSource.Open(bytes, Limits);
        var minimumScale = coverLongerSide is { } side ? CoverMargin * side / source.UprightSize.LongerSide : 1;
        return source.Decode(minimumScale, background, cancellationToken);
    }

    /// <summary>The tensor of <paramref name="raster"/> at <paramref name="longerSide"/>, resized exactly as <see cref="Prepare(ReadOnlyMemory{byte}, InputConvention, CancellationToken)"/> does.</summary>
    public static PreprocessedImage ToTensor(RgbRaster raster, int longerSide, int minSide)
    {
        ArgumentNullException.ThrowIfNull(raster);
        return ToTensor(raster, new PixelRect(0, 0, raster.Width, raster.Height), longerSide, minSide);
    }

    /// <summary>As <see cref="ToTensor(RgbRaster, int, int)"/> for <paramref name="region"/> of the raster only, without copying it out.</summary>
    public static PreprocessedImage ToTensor(RgbRaster raster, PixelRect region, int longerSide, int minSide)
    {
        ArgumentNullException.ThrowIfNull(raster);
        return BicubicResampler.Resize(raster, region, ResizePolicy.TargetSize(region.Width, region.Height, longerSide, minSide));
    }

    // The region was chosen on the full picture; a reduced raster holds the same picture at a smaller scale.
    private static PixelRect MapRegion(PixelRect region, PixelSize full, PixelSize decoded)
    {
        if (full == decoded)
        {
            return region;
        }
        var sx = (double)decoded.Width / full.Width;
        var sy = (double)decoded.Height / full.Height;
        var x0 = Math.Clamp((int)Math.Round(region.X * sx), 0, decoded.Width - 1);
        var y0 = Math.Clamp((int)Math.Round(region.Y * sy), 0, decoded.Height - 1);
        var x1 = Math.Clamp((int)Math.Round((region.X + region.Width) * sx), x0 + 1, decoded.Width);
        var y1 = Math.Clamp((int)Math.Round((region.Y + region.Height) * sy), y0 + 1, decoded.Height);
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
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
}

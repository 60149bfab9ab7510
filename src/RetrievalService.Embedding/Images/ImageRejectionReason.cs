namespace RetrievalService.Embedding.Images;

/// <summary>Why an untrusted image was refused; stable values that clients can switch on.</summary>
public enum ImageRejectionReason
{
    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>The encoded file is larger than <see cref="ImageDecodeLimits.MaxBytes"/>.</summary>
    TooManyBytes,

    /// <summary>The header declares a width above <see cref="ImageDecodeLimits.MaxWidth"/>.</summary>
    TooWide,

    /// <summary>The header declares a height above <see cref="ImageDecodeLimits.MaxHeight"/>.</summary>
    TooTall,

    /// <summary>More pixels than <see cref="ImageDecodeLimits.MaxPixels"/> (or, scaled, <see cref="ImageDecodeLimits.MaxScaledSourcePixels"/>).</summary>
    TooManyPixels,

    /// <summary>Not JPEG, PNG, WebP, GIF or BMP (e.g. HEIC, AVIF, TIFF, SVG, PDF), or a variant the decoder does not handle.</summary>
    UnsupportedFormat,

    /// <summary>A recognised format whose content is damaged or truncated.</summary>
    Corrupt,

    /// <summary>The decode ran past <see cref="ImageDecodeLimits.DecodeDeadlineMs"/>.</summary>
    TooComplex,
}

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

    /// <summary>Width × height exceeds <see cref="ImageDecodeLimits.MaxPixels"/>.</summary>
    TooManyPixels,

    /// <summary>Not JPEG, PNG, WebP, GIF, BMP or TIFF, or a variant of one that the decoder does not handle.</summary>
    UnsupportedFormat,

    /// <summary>A recognised format whose content is damaged or truncated.</summary>
    Corrupt,
}

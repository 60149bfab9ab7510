namespace RetrievalService.DecodeBench.ImageSet;

/// <summary>The encodings the benchmark set holds, with what each is meant to stand for.</summary>
internal enum BenchImageFormat
{
    /// <summary>Baseline JPEG, quality 90, 4:2:0 chroma: what phones and browsers send.</summary>
    Jpeg,

    /// <summary>Lossless PNG (RGB, zlib level 6): screenshots and exports.</summary>
    Png,

    /// <summary>Lossy WebP at quality 90.</summary>
    Webp,
}

/// <summary>File extensions and folder names of <see cref="BenchImageFormat"/>.</summary>
internal static class BenchImageFormats
{
    public static string Name(this BenchImageFormat format) => format.ToString().ToLowerInvariant();

    public static string DisplayName(this BenchImageFormat format) => format switch
    {
        BenchImageFormat.Webp => "WebP",
        _ => format.ToString().ToUpperInvariant(),
    };

    public static string Extension(this BenchImageFormat format) => format switch
    {
        BenchImageFormat.Jpeg => ".jpg",
        BenchImageFormat.Png => ".png",
        BenchImageFormat.Webp => ".webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static BenchImageFormat Parse(string name) =>
        Enum.TryParse<BenchImageFormat>(name, ignoreCase: true, out var format)
            ? format
            : throw new ArgumentException($"Unknown image format '{name}'; expected jpeg, png or webp.", nameof(name));
}

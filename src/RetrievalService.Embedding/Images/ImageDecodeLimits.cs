using System.ComponentModel.DataAnnotations;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// Bounds on untrusted images, checked in order: encoded size, then the dimensions the header declares, then
/// the raster that will really be allocated, all before any pixel buffer exists; the decode itself runs under
/// a deadline.
/// </summary>
public sealed record ImageDecodeLimits
{
    /// <summary>Configuration section these limits bind from.</summary>
    public const string SectionName = "Embedding:ImageLimits";

    /// <summary>Largest accepted encoded file, in bytes (default 40 MiB: a 200 MP phone JPEG fits).</summary>
    [Range(1, int.MaxValue)]
    public int MaxBytes { get; init; } = 40 * 1024 * 1024;

    /// <summary>Largest width the header may declare, before EXIF rotation.</summary>
    [Range(1, int.MaxValue)]
    public int MaxWidth { get; init; } = 20_000;

    /// <summary>Largest height the header may declare, before EXIF rotation.</summary>
    [Range(1, int.MaxValue)]
    public int MaxHeight { get; init; } = 20_000;

    /// <summary>
    /// Largest raster that is actually decoded, width × height (default 16 MP, 64 MB as RGBA). A format that can
    /// only be decoded whole (PNG, GIF, BMP, progressive JPEG, animated WebP) must declare no more than this.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxPixels { get; init; } = 16_000_000;

    /// <summary>
    /// Largest width × height a format decoded at a reduced scale (baseline JPEG, still WebP) may declare
    /// (default 256 MP: every phone camera). Its decoded raster must still fit <see cref="MaxPixels"/>.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxScaledSourcePixels { get; init; } = 256_000_000;

    /// <summary>Wall-clock budget of one decode, checked between bands of rows (default 2 s).</summary>
    [Range(1, int.MaxValue)]
    public int DecodeDeadlineMs { get; init; } = 2_000;

    /// <summary>
    /// Limits for the project's own files (datasets, training and calibration photos), which are trusted but may be
    /// large: 200 MiB, 30 000 px a side, 100 MP decoded, a minute per decode.
    /// </summary>
    public static ImageDecodeLimits LocalFiles { get; } = new()
    {
        MaxBytes = 200 * 1024 * 1024,
        MaxWidth = 30_000,
        MaxHeight = 30_000,
        MaxPixels = 100_000_000,
        MaxScaledSourcePixels = 900_000_000,
        DecodeDeadlineMs = 60_000,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming every limit that is not positive.</summary>
    public void Validate()
    {
        (string Name, int Value)[] limits =
        [
            (nameof(MaxBytes), MaxBytes), (nameof(MaxWidth), MaxWidth), (nameof(MaxHeight), MaxHeight),
            (nameof(MaxPixels), MaxPixels), (nameof(MaxScaledSourcePixels), MaxScaledSourcePixels),
            (nameof(DecodeDeadlineMs), DecodeDeadlineMs),
        ];
        var invalid = limits.Where(l => l.Value <= 0).Select(l => $"{l.Name}={l.Value}").ToList();
        if (invalid.Count > 0)
        {
            throw new ArgumentException($"Image decode limits must be positive: {string.Join(", ", invalid)}.");
        }
    }
}

namespace RetrievalService.DecodeBench.Legacy;

/// <summary>The old <c>ImageDecodeLimits</c>, with its defaults: checked before any pixel buffer is allocated.</summary>
public sealed record LegacyDecodeLimits
{
    /// <summary>Largest accepted encoded file, in bytes (default 20 MiB).</summary>
    public int MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Largest accepted width in pixels, before EXIF rotation.</summary>
    public int MaxWidth { get; init; } = 12_000;

    /// <summary>Largest accepted height in pixels, before EXIF rotation.</summary>
    public int MaxHeight { get; init; } = 12_000;

    /// <summary>Largest accepted width × height (default 40 megapixels).</summary>
    public int MaxPixels { get; init; } = 40_000_000;

    /// <summary>Throws <see cref="ArgumentException"/> naming every limit that is not positive.</summary>
    public void Validate()
    {
        (string Name, int Value)[] limits =
            [(nameof(MaxBytes), MaxBytes), (nameof(MaxWidth), MaxWidth), (nameof(MaxHeight), MaxHeight), (nameof(MaxPixels), MaxPixels)];
        var invalid = limits.Where(l => l.Value <= 0).Select(l => $"{l.Name}={l.Value}").ToList();
        if (invalid.Count > 0)
        {
            throw new ArgumentException($"Image decode limits must be positive: {string.Join(", ", invalid)}.");
        }
    }
}

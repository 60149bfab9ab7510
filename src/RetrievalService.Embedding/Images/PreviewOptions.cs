namespace RetrievalService.Embedding.Images;

/// <summary>
/// What preview <see cref="ImagePipeline"/> encodes next to the tensor: a JPEG of the upright, composited picture whose
/// longer side is at most <see cref="LongerSide"/> (never enlarged), for galleries that show their images.
/// </summary>
/// <param name="LongerSide">Longer side of the preview in pixels, 16..2048.</param>
/// <param name="Quality">JPEG quality, 1..100.</param>
public sealed record PreviewOptions(int LongerSide = 320, int Quality = 80)
{
    /// <summary>The gallery thumbnails' size and quality.</summary>
    public static PreviewOptions Thumbnail { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a side or quality outside its range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(LongerSide, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LongerSide, 2048);
        ArgumentOutOfRangeException.ThrowIfLessThan(Quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Quality, 100);
    }
}

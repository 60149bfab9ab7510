namespace RetrievalService.Embedding.Images;

/// <summary>
/// Where an image is resized to before embedding. The longer side becomes exactly S (the manifest's
/// recommended longer side), up or down, so query and gallery features come from the same scale; the
/// shorter side keeps the aspect ratio, rounded half away from zero, but never drops below the model's minimum.
/// </summary>
public static class ResizePolicy
{
    /// <summary>The target size for a <paramref name="width"/>×<paramref name="height"/> image.</summary>
    /// <remarks>
    /// The minimum-side clamp distorts only extreme panoramas (aspect above S / minSide); scaling the
    /// longer side up instead would let a 1×12000 strip demand a huge tensor.
    /// </remarks>
    public static PixelSize TargetSize(int width, int height, int longerSide, int minSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSide);
        if (longerSide < minSide)
        {
            throw new ArgumentOutOfRangeException(nameof(longerSide), longerSide,
                $"The longer side must be at least the minimum side ({minSide}).");
        }
        var longer = Math.Max(width, height);
        var shorter = Math.Min(width, height);
        var scaled = (int)Math.Round((double)shorter * longerSide / longer, MidpointRounding.AwayFromZero);
        var target = Math.Max(minSide, scaled);
        return width >= height ? new PixelSize(longerSide, target) : new PixelSize(target, longerSide);
    }
}

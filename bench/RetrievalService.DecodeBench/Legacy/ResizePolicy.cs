using SixLabors.ImageSharp;

namespace RetrievalService.DecodeBench.Legacy;

/// <summary>
/// The old target size: the longer side becomes exactly S, up or down; the shorter side keeps the aspect ratio,
/// rounded half away from zero, but never drops below the model's minimum.
/// </summary>
internal static class ResizePolicy
{
    public static Size TargetSize(int width, int height, int longerSide, int minSide)
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
        return width >= height ? new Size(longerSide, target) : new Size(target, longerSide);
    }
}

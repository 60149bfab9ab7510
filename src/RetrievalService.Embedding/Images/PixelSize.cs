namespace RetrievalService.Embedding.Images;

/// <summary>Width and height in pixels.</summary>
public readonly record struct PixelSize(int Width, int Height)
{
    /// <summary>The longer of the two sides.</summary>
    public int LongerSide => Math.Max(Width, Height);
}

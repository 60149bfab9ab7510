namespace RetrievalService.Embedding.Images;

/// <summary>A rectangle of whole pixels; <see cref="X"/> and <see cref="Y"/> are the top-left corner.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>Whether the rectangle is non-empty and lies inside a <paramref name="width"/>×<paramref name="height"/> image.</summary>
    public bool FitsIn(int width, int height) =>
        Width > 0 && Height > 0 && X >= 0 && Y >= 0 && X + Width <= width && Y + Height <= height;
}

namespace RetrievalService.Embedding.Images;

/// <summary>The container formats the pipeline decodes. Anything else is refused before a decoder sees it.</summary>
public enum ImageContainer
{
    /// <summary>JPEG (JFIF/EXIF), baseline or progressive.</summary>
    Jpeg,

    /// <summary>PNG, including palette, grey, 16-bit and interlaced.</summary>
    Png,

    /// <summary>WebP, lossy or lossless; the first frame of an animation.</summary>
    WebP,

    /// <summary>GIF; the first frame of an animation.</summary>
    Gif,

    /// <summary>Windows bitmap.</summary>
    Bmp,
}

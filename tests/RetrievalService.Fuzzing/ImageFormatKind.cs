namespace RetrievalService.Fuzzing;

/// <summary>The container formats the mutations understand, sniffed from magic bytes.</summary>
public enum ImageFormatKind
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    Webp,
    Bmp,
}

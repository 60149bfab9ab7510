using RetrievalService.Fuzzing.Formats;

namespace RetrievalService.Fuzzing;

/// <summary>
/// The structure-aware mutations that apply to one format, by family; <see cref="Bombs"/> are the metadata and
/// pixel bombs: small on the wire, expensive to read.
/// </summary>
public sealed record FormatMutations(IReadOnlyList<Mutation> Structural, IReadOnlyList<Mutation> HeaderLies, IReadOnlyList<Mutation> Bombs)
{
    private static readonly FormatMutations None = new([], [], []);
    private static readonly FormatMutations Png = new(PngMutations.Structural, PngMutations.HeaderLies, [.. MetadataBombs.Png, .. PixelBombs.Png]);
    private static readonly FormatMutations Jpeg = new(JpegMutations.Structural, JpegMutations.HeaderLies, [.. MetadataBombs.Jpeg, .. PixelBombs.Jpeg]);
    private static readonly FormatMutations Webp = new(WebpMutations.Structural, WebpMutations.HeaderLies, [.. MetadataBombs.Webp, .. PixelBombs.Webp]);
    private static readonly FormatMutations Gif = new(GifMutations.Structural, GifMutations.HeaderLies, PixelBombs.Gif);
    private static readonly FormatMutations Bmp = new(BmpMutations.Structural, BmpMutations.HeaderLies, PixelBombs.Bmp);

    public static FormatMutations For(ImageFormatKind format) => format switch
    {
        ImageFormatKind.Png => Png,
        ImageFormatKind.Jpeg => Jpeg,
        ImageFormatKind.Webp => Webp,
        ImageFormatKind.Gif => Gif,
        ImageFormatKind.Bmp => Bmp,
        _ => None,
    };
}

using RetrievalService.Fuzzing.Formats;

namespace RetrievalService.Fuzzing;

/// <summary>
/// The structure-aware mutations that apply to one format, by family. Metadata bombs are small on the wire and huge
/// once read; pixel bombs decode to the largest raster the limits admit, so they are slow by design and kept rare.
/// </summary>
public sealed record FormatMutations(
    IReadOnlyList<Mutation> Structural, IReadOnlyList<Mutation> HeaderLies, IReadOnlyList<Mutation> MetadataBombs, IReadOnlyList<Mutation> PixelBombs)
{
    private static readonly FormatMutations None = new([], [], [], []);
    private static readonly FormatMutations Png = new(PngMutations.Structural, PngMutations.HeaderLies, Formats.MetadataBombs.Png, Formats.PixelBombs.Png);
    private static readonly FormatMutations Jpeg = new(JpegMutations.Structural, JpegMutations.HeaderLies, Formats.MetadataBombs.Jpeg, Formats.PixelBombs.Jpeg);
    private static readonly FormatMutations Webp = new(WebpMutations.Structural, WebpMutations.HeaderLies, Formats.MetadataBombs.Webp, Formats.PixelBombs.Webp);
    private static readonly FormatMutations Gif = new(GifMutations.Structural, GifMutations.HeaderLies, [], Formats.PixelBombs.Gif);
    private static readonly FormatMutations Bmp = new(BmpMutations.Structural, BmpMutations.HeaderLies, [], Formats.PixelBombs.Bmp);

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

using RetrievalService.Fuzzing.Formats;

namespace RetrievalService.Fuzzing;

/// <summary>The structure-aware mutations that apply to one format, by family.</summary>
public sealed record FormatMutations(IReadOnlyList<Mutation> Structural, IReadOnlyList<Mutation> HeaderLies, IReadOnlyList<Mutation> MetadataBombs)
{
    private static readonly FormatMutations None = new([], [], []);

    public static FormatMutations For(ImageFormatKind format) => format switch
    {
        ImageFormatKind.Png => new(PngMutations.Structural, PngMutations.HeaderLies, Formats.MetadataBombs.Png),
        ImageFormatKind.Jpeg => new(JpegMutations.Structural, JpegMutations.HeaderLies, Formats.MetadataBombs.Jpeg),
        ImageFormatKind.Webp => new(WebpMutations.Structural, WebpMutations.HeaderLies, Formats.MetadataBombs.Webp),
        ImageFormatKind.Gif => new(GifMutations.Structural, GifMutations.HeaderLies, []),
        ImageFormatKind.Bmp => new(BmpMutations.Structural, BmpMutations.HeaderLies, []),
        _ => None,
    };
}

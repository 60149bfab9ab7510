using RetrievalService.DecodeBench.Legacy;

namespace RetrievalService.DecodeBench.Decoders;

/// <summary>
/// The service's image path before the SkiaSharp pipeline (ImageSharp 2.1: limits, decode as RGBA, EXIF orientation,
/// alpha compositing, bicubic resize), with limits raised so the 48 and 108 MP cells are timed too (the old service
/// refused them: 40 MP).
/// </summary>
internal sealed class OldPipelineThumbnailDecoder : IThumbnailDecoder
{
    public const string LibraryName = "OldPipeline";

    private static readonly byte[] White = [255, 255, 255];

    private readonly LegacyImageSharpPipeline pipeline = new(new LegacyDecodeLimits
    {
        MaxBytes = 200 * 1024 * 1024, MaxWidth = 20_000, MaxHeight = 20_000, MaxPixels = 200_000_000,
    });

    public string Name => LibraryName;

    public string Licence => "Apache-2.0 (ImageSharp 2.1)";

    public Thumbnail Decode(byte[] bytes, int longerSide)
    {
        var tensor = pipeline.Prepare(bytes, longerSide, 1, White, out var width, out var height);
        return new Thumbnail(width, height, PipelineThumbnailDecoder.Interleave(tensor, width, height), 0, 0);
    }
}

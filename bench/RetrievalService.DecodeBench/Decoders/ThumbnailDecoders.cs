namespace RetrievalService.DecodeBench.Decoders;

/// <summary>
/// The candidates, in table order; ImageSharp first because it is the baseline the others are compared with. Besides the
/// three libraries, <c>--libraries ImageSharp,OldPipeline,Pipeline</c> times the service's old and new image paths whole.
/// </summary>
internal static class ThumbnailDecoders
{
    public const string Baseline = ImageSharpThumbnailDecoder.LibraryName;

    public static readonly IReadOnlyList<string> Names =
        [ImageSharpThumbnailDecoder.LibraryName, SkiaSharpThumbnailDecoder.LibraryName, NetVipsThumbnailDecoder.LibraryName];

    public static IThumbnailDecoder Create(string name) => name switch
    {
        ImageSharpThumbnailDecoder.LibraryName => new ImageSharpThumbnailDecoder(),
        SkiaSharpThumbnailDecoder.LibraryName => new SkiaSharpThumbnailDecoder(),
        NetVipsThumbnailDecoder.LibraryName => new NetVipsThumbnailDecoder(),
        OldPipelineThumbnailDecoder.LibraryName => new OldPipelineThumbnailDecoder(),
        PipelineThumbnailDecoder.LibraryName => new PipelineThumbnailDecoder(),
        _ => throw new ArgumentException(
            $"Unknown library '{name}'; expected one of {string.Join(", ", Names)}, {OldPipelineThumbnailDecoder.LibraryName} or {PipelineThumbnailDecoder.LibraryName}.", nameof(name)),
    };

    /// <summary>The target size: longer side exactly <paramref name="longerSide"/>, aspect kept, rounded half away from zero.</summary>
    public static (int Width, int Height) TargetSize(int width, int height, int longerSide)
    {
        var shorter = (int)Math.Round((double)Math.Min(width, height) * longerSide / Math.Max(width, height), MidpointRounding.AwayFromZero);
        shorter = Math.Max(1, shorter);
        return width >= height ? (longerSide, shorter) : (shorter, longerSide);
    }
}

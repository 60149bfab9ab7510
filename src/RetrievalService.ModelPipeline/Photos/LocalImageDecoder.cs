using RetrievalService.Embedding.Images;

namespace RetrievalService.ModelPipeline.Photos;

/// <summary>
/// The decoder for the pipeline's own trusted image files (wallpapers up to 5640 px, training splits): the limits only
/// guard against absurd inputs, unlike the service's limits for uploads.
/// </summary>
public static class LocalImageDecoder
{
    public static ImageDecoder Instance { get; } =
        new(new ImageDecodeLimits { MaxBytes = 200 << 20, MaxWidth = 16_000, MaxHeight = 16_000, MaxPixels = 100_000_000 });
}

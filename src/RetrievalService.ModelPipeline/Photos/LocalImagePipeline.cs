using RetrievalService.Embedding.Images;

namespace RetrievalService.ModelPipeline.Photos;

/// <summary>
/// The image pipeline for the model tools' own trusted files (wallpapers up to 5640 px, training splits): the
/// limits only guard against absurd inputs, unlike the service's limits for uploads.
/// </summary>
public static class LocalImagePipeline
{
    public static ImagePipeline Instance { get; } = new(ImageDecodeLimits.LocalFiles);
}

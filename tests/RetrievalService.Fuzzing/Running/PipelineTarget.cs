using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Fuzzing.Running;

/// <summary>The service's own path for an uploaded image: <see cref="ImagePipeline.Prepare(ReadOnlyMemory{byte}, InputConvention, CancellationToken)"/>.</summary>
public static class PipelineTarget
{
    /// <summary>Default limits and the default input convention (longer side 224, white background), as the API runs.</summary>
    public static DecodeTarget Default() => For(new ImagePipeline(new ImageDecodeLimits()), new InputConvention());

    public static DecodeTarget For(ImagePipeline pipeline, InputConvention input) => bytes =>
    {
        using var prepared = pipeline.Prepare(bytes, input);
    };
}

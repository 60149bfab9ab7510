using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.DecodeBench.Decoders;

/// <summary>The service's image pipeline (<see cref="ImagePipeline"/>, SkiaSharp with reduced decoding) with its upload limits.</summary>
internal sealed class PipelineThumbnailDecoder : IThumbnailDecoder
{
    public const string LibraryName = "Pipeline";

    private readonly ImagePipeline pipeline = new(new ImageDecodeLimits());

    public string Name => LibraryName;

    public string Licence => "MIT + BSD-3 (SkiaSharp, Skia)";

    public Thumbnail Decode(byte[] bytes, int longerSide)
    {
        using var prepared = pipeline.Prepare(bytes, new InputConvention { MinSide = 1, RecommendedLongerSide = longerSide });
        var tensor = prepared.Tensor;
        return new Thumbnail(tensor.Width, tensor.Height, Interleave(tensor.Pixels.Span, tensor.Width, tensor.Height),
            prepared.DecodedSize.Width, prepared.DecodedSize.Height);
    }

    /// <summary>NCHW planes of whole 0..255 values back to interleaved RGB bytes, for the fidelity column.</summary>
    public static byte[] Interleave(ReadOnlySpan<float> planes, int width, int height)
    {
        var plane = width * height;
        var rgb = new byte[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            rgb[3 * i] = (byte)planes[i];
            rgb[3 * i + 1] = (byte)planes[plane + i];
            rgb[3 * i + 2] = (byte)planes[2 * plane + i];
        }
        return rgb;
    }
}

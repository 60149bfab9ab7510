using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Embedding.Tests.Inference;

public sealed class ImageEmbedderTests : IDisposable
{
    private readonly TinyModel model = new(minSide: 8, longerSide: 32);
    private readonly OnnxEmbedder embedder;
    private readonly ImageEmbedder facade;

    public ImageEmbedderTests()
    {
        embedder = OnnxEmbedder.Load(model.SaveManifest(), TestInference.Cpu);
        facade = new ImageEmbedder(TestImages.Pipeline, embedder);
    }

    public void Dispose()
    {
        embedder.Dispose();
        model.Dispose();
    }

    [Fact]
    public void Png_bytes_embed_to_the_model_output_of_the_decoded_and_resized_pixels()
    {
        var bytes = TestImages.SmoothPng(seed: 4, width: 48, height: 20);

        var result = facade.Embed(bytes);

        Assert.Equal(("PNG", 32, 13), (result.Format, result.Width, result.Height));
        using var decoded = TestImages.Decode(bytes);
        using var tensor = ImagePipeline.ToTensor(decoded, model.Manifest.Input.RecommendedLongerSide, model.Manifest.Input.MinSide);
        var expected = TinyModel.Reference(tensor.Pixels.Span, tensor.Height, tensor.Width);
        for (var d = 0; d < expected.Length; d++)
        {
            Assert.Equal(expected[d], result.Vector[d], 5);
        }
        Assert.True(result.Timings is { DecodeMs: >= 0, PreprocessMs: >= 0, EmbedMs: >= 0 });
        Assert.Equal(result.Timings.DecodeMs + result.Timings.PreprocessMs + result.Timings.EmbedMs, result.Timings.TotalMs);
    }

    [Fact]
    public void Rejected_bytes_surface_as_an_image_rejection_not_a_model_error()
    {
        var error = Assert.Throws<ImageRejectedException>(() => facade.Embed("not an image"u8.ToArray()));
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, error.Reason);
    }
}

using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Embedding.Tests.Inference;

public sealed class OnnxEmbedderTests : IDisposable
{
    private readonly TinyModel model = new();
    private readonly OnnxEmbedder embedder;

    public OnnxEmbedderTests() => embedder = OnnxEmbedder.Load(model.SaveManifest(), TestInference.Cpu);

    public void Dispose()
    {
        embedder.Dispose();
        model.Dispose();
    }

    [Theory]
    [InlineData(1, 8, 8)]
    [InlineData(2, 12, 32)]
    [InlineData(3, 32, 9)]
    public void The_embedding_equals_conv_gem_l2n_computed_in_csharp(int seed, int height, int width)
    {
        var planes = TestInference.SyntheticPlanes(seed, height, width);
        using var image = PreprocessedImage.FromPlanes(width, height, planes);

        var vector = embedder.Embed(image);

        var expected = TinyModel.Reference(planes, height, width);
        Assert.Equal(TinyModel.Dimension, vector.Length);
        for (var d = 0; d < vector.Length; d++)
        {
            Assert.Equal(expected[d], vector[d], 5);
        }
    }

    [Fact]
    public void A_batch_of_mixed_sizes_returns_each_image_its_own_vector_in_input_order()
    {
        (int H, int W)[] sizes = [(8, 8), (16, 8), (8, 8), (16, 8), (10, 12)];
        var images = sizes.Select((s, i) => PreprocessedImage.FromPlanes(s.W, s.H, TestInference.SyntheticPlanes(10 + i, s.H, s.W))).ToArray();
        try
        {
            var batch = embedder.EmbedBatch(images);

            Assert.Equal(images.Length, batch.Length);
            for (var i = 0; i < images.Length; i++)
            {
                var single = embedder.Embed(images[i]);
                Assert.Equal(single.Length, batch[i].Length);
                for (var d = 0; d < single.Length; d++)
                {
                    Assert.Equal(single[d], batch[i][d], 6);
                }
            }
        }
        finally
        {
            Array.ForEach(images, i => i.Dispose());
        }
    }

    [Fact]
    public void An_empty_batch_returns_no_vectors() => Assert.Empty(embedder.EmbedBatch([]));
}

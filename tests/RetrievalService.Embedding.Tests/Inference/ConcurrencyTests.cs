using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Embedding.Tests.Inference;

public sealed class ConcurrencyTests
{
    private const int Threads = 8;
    private const int PerThread = 20;

    [Fact]
    public void Eight_threads_sharing_one_embedder_get_exactly_the_single_threaded_vectors()
    {
        using var model = new TinyModel(minSide: 8, longerSide: 24);
        using var embedder = OnnxEmbedder.Load(model.SaveManifest(), TestInference.Cpu);
        var facade = new ImageEmbedder(TestImages.Pipeline, embedder);
        // Different contents and sizes, so concurrent runs also differ in shape.
        var images = Enumerable.Range(0, Threads * PerThread)
            .Select(i => TestImages.SmoothPng(i, 16 + i % 7 * 5, 12 + i % 5 * 6))
            .ToArray();
        var expected = images.Select(bytes => facade.Embed(bytes).Vector).ToArray();

        var actual = new float[images.Length][];
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var k = 0; k < PerThread; k++)
            {
                // Interleave, so every thread touches every size class.
                var i = k * Threads + t;
                actual[i] = facade.Embed(images[i]).Vector;
            }
        })).ToArray();
        Array.ForEach(workers, w => w.Start());
        Array.ForEach(workers, w => w.Join());

        for (var i = 0; i < images.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }
}

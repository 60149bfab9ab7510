using System.Diagnostics;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Bench.Latency;

/// <summary>How long to measure each cell: at least <see cref="MinBatches"/> batches and at least <see cref="MinSeconds"/>.</summary>
internal sealed record LatencyBudget(int WarmupBatches, int MinBatches, double MinSeconds);

/// <summary>Stopwatch timing of <see cref="OnnxEmbedder.EmbedBatch"/> on synthetic images.</summary>
internal static class LatencyHarness
{
    /// <summary>(side, batch) pairs: the recommended size at batch 1 and 16, and a large query at batch 1.</summary>
    public static readonly (int Side, int Batch)[] Shapes = [(224, 1), (224, 16), (512, 1)];

    /// <summary>Per-batch wall times in milliseconds, after warm-up runs that let ORT plan buffers for this shape.</summary>
    public static List<double> Time(OnnxEmbedder embedder, int side, int batch, LatencyBudget budget)
    {
        var images = Enumerable.Range(0, batch).Select(i => SyntheticImage(i, side)).ToArray();
        try
        {
            for (var i = 0; i < budget.WarmupBatches; i++)
            {
                embedder.EmbedBatch(images);
            }
            var times = new List<double>();
            var total = Stopwatch.StartNew();
            while (times.Count < budget.MinBatches || total.Elapsed.TotalSeconds < budget.MinSeconds)
            {
                var started = Stopwatch.GetTimestamp();
                embedder.EmbedBatch(images);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return times;
        }
        finally
        {
            foreach (var image in images)
            {
                image.Dispose();
            }
        }
    }

    /// <summary>Seeded noise in 0..255: convolution cost does not depend on content, but constant inputs could hit fast paths.</summary>
    private static PreprocessedImage SyntheticImage(int seed, int side)
    {
        var random = new Random(seed);
        var planes = new float[3 * side * side];
        for (var i = 0; i < planes.Length; i++)
        {
            planes[i] = random.Next(256);
        }
        return PreprocessedImage.FromPlanes(side, side, planes);
    }
}

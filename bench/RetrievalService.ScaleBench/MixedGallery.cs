using System.Diagnostics;
using System.Text.Json.Nodes;
using RetrievalService.Storage;
using RetrievalService.Storage.Model;
using RetrievalService.StoreBench;

namespace RetrievalService.ScaleBench;

/// <summary>
/// The real teacher vectors first, then clustered synthetic vectors up to the gallery size, and held-out synthetic
/// queries of the same clusters: the real queries measure search among real neighbours, the synthetic ones in the
/// dense clusters that make up most of the graph.
/// </summary>
internal sealed class MixedGallery
{
    public const string TeacherId = "teacher-resnet18-gem";

    public required IReadOnlyList<string> Ids { get; init; }

    public required IReadOnlyList<float[]> Vectors { get; init; }

    public required int RealCount { get; init; }

    public required IReadOnlyList<float[]> SyntheticQueries { get; init; }

    public static MixedGallery Create(RealVectors real, int count, int clusters, int syntheticQueries, int seed)
    {
        var synthetic = count - real.Gallery.Count;
        var generated = SyntheticVectors.Clustered(synthetic + syntheticQueries, real.Gallery[0].Length, clusters, seed);
        return new MixedGallery
        {
            Ids = [.. real.GalleryIds, .. Enumerable.Range(0, synthetic).Select(i => $"syn-{i:D8}")],
            Vectors = [.. real.Gallery, .. generated[..synthetic]],
            RealCount = real.Gallery.Count,
            SyntheticQueries = generated[synthetic..],
        };
    }

    /// <summary>Upserts every row in batches through the store's bulk path (COPY → staging → INSERT … ON CONFLICT).</summary>
    public async Task<TimeSpan> UpsertAsync(GalleryStore store, int batchSize)
    {
        var hash = new string('0', 64);
        var watch = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, Ids.Count).Chunk(batchSize))
        {
            var batch = chunk.Select(i => new GalleryItem(Ids[i], hash, $"/scale-bench/{Ids[i]}",
                new JsonObject { ["real"] = i < RealCount }, Vectors[i])).ToList();
            await store.UpsertManyAsync(TeacherId, batch);
            if (chunk[^1] / batchSize % 10 == 9)
            {
                Progress.Say($"upserted {chunk[^1] + 1:N0} rows");
            }
        }
        return watch.Elapsed;
    }
}

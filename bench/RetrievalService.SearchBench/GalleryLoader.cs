using System.Diagnostics;
using System.Text.Json.Nodes;
using RetrievalService.Storage;
using RetrievalService.Storage.Model;
using RetrievalService.StoreBench;

namespace RetrievalService.SearchBench;

/// <summary>Fills a dedicated schema with clustered synthetic teacher embeddings and builds the HNSW index.</summary>
internal static class GalleryLoader
{
    public const string TeacherId = "teacher-resnet18-gem";
    public const int Dimension = 512;

    public static async Task LoadAsync(string connectionString, string schema, int count, Action<string> progress)
    {
        await using var store = GalleryStore.Create(new GalleryStoreOptions { ConnectionString = connectionString, Schema = schema });
        await store.EnsureSchemaAsync();
        await store.RegisterModelAsync(TeacherId, Dimension);
        var existing = await store.CountAsync(TeacherId);
        if (existing >= count)
        {
            progress($"{schema}: {existing} rows already present, not reloading");
            return;
        }
        progress($"{schema}: generating {count} clustered {Dimension}-d vectors");
        var vectors = SyntheticVectors.Clustered(count, Dimension, clusters: Math.Max(10, count / 1000), seed: 42);
        await store.DropIndexAsync(TeacherId);
        var watch = Stopwatch.StartNew();
        var hash = new string('0', 64);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(5000))
        {
            var batch = chunk.Select(i => new GalleryItem(
                $"syn-{i:D7}", hash, $"/bench/syn-{i:D7}.jpg", new JsonObject { ["synthetic"] = true }, vectors[i])).ToList();
            await store.UpsertManyAsync(TeacherId, batch);
        }
        progress($"{schema}: upserted {count} rows in {watch.Elapsed.TotalSeconds:F1} s; building HNSW");
        var build = await store.RebuildIndexAsync(TeacherId);
        progress($"{schema}: HNSW built in {build.TotalSeconds:F1} s");
    }
}

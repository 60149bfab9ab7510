using System.Diagnostics;
using System.Globalization;
using RetrievalService.Storage;
using RetrievalService.StoreBench;

namespace RetrievalService.ScaleBench;

/// <summary>
/// <c>scale-bench load</c>: builds the mixed gallery in its own schema (dropped first if present), loads it with the
/// HNSW index dropped, builds the index with the build settings, and measures sizes and recall@k at each ef_search.
/// Markdown on stdout; the real query vectors to <c>--queries-out</c> for <c>latency</c>.
/// </summary>
internal static class LoadCommand
{
    public static async Task RunAsync(ScaleSettings settings)
    {
        var connectionString = BenchDatabase.ConnectionString();
        var schema = settings.Text("schema", "bench_scale");
        var count = settings.Int("count", 1_000_000);
        var k = settings.Int("k", 10);
        var efSearch = settings.Ints("ef-search", "40,100,200,400");
        var build = new BuildSettings(settings.Text("maintenance-work-mem", "4GB"), settings.Int("parallel-workers", 1));
        var report = new LoadReport(count, k);

        var real = await RealVectors.EmbedAsync(settings.Text("teacher", "models/teacher-resnet18-gem.manifest.json"),
            settings.Text("datasets", "data/datasets/photoviews/test,data/datasets/real-shots/test").Split(','),
            settings.Text("cache-dir", Evaluation.Caching.EmbeddingCache.DefaultDirectory));
        await QueryFile.WriteAsync(settings.Text("queries-out", "scale-queries.json"), real.Queries);
        Progress.Say($"generating {count - real.Gallery.Count:N0} clustered synthetic vectors");
        var gallery = MixedGallery.Create(real, count, settings.Int("clusters", 1000), settings.Int("synthetic-queries", 200), seed: 42);

        await ServerFacts.DropSchemaAsync(connectionString, schema);
        var options = new GalleryStoreOptions { ConnectionString = connectionString, Schema = schema };
        await using var store = GalleryStore.Create(options);
        await store.RegisterModelAsync(MixedGallery.TeacherId, real.Gallery[0].Length);
        await store.DropIndexAsync(MixedGallery.TeacherId);
        Progress.Say($"upserting {count:N0} rows into {schema}");
        report.Upsert = await gallery.UpsertAsync(store, settings.Int("batch", 10_000));

        report.BuildSettings = await build.DescribeEffectiveAsync(connectionString);
        Progress.Say($"building HNSW ({report.BuildSettings})");
        await using (var builder = GalleryStore.Create(new GalleryStoreOptions { ConnectionString = build.ConnectionString(connectionString), Schema = schema }))
        {
            report.Build = await builder.RebuildIndexAsync(MixedGallery.TeacherId);
        }
        report.Server = await ServerFacts.VersionsAsync(connectionString);
        report.Relations = await ServerFacts.GalleryRelationsAsync(connectionString, schema);

        Progress.Say($"exact top-{k} in C# for {real.Queries.Count} real and {gallery.SyntheticQueries.Count} synthetic queries");
        var watch = Stopwatch.StartNew();
        var realTruth = ExactTopK.Compute(gallery.Vectors, real.Queries, k);
        var syntheticTruth = ExactTopK.Compute(gallery.Vectors, gallery.SyntheticQueries, k);
        report.Exact = watch.Elapsed;
        report.RealShareOfRealTruth = realTruth.Average(t => t.Count(i => i < gallery.RealCount) / (double)k);
        foreach (var ef in efSearch)
        {
            Progress.Say($"recall at ef_search={ef}");
            report.Recall.Add((ef,
                await RecallRun.RunAsync(store, MixedGallery.TeacherId, real.Queries, realTruth, gallery.Ids, k, ef),
                await RecallRun.RunAsync(store, MixedGallery.TeacherId, gallery.SyntheticQueries, syntheticTruth, gallery.Ids, k, ef)));
        }
        if (settings.Text("halfvec", "true") == "true")
        {
            Progress.Say("halfvec lever: copy, HNSW build, recall");
            report.Halfvec = await HalfvecLever.RunAsync(connectionString, build, schema, real.Gallery[0].Length,
                real.Queries, realTruth, gallery.Ids, k, efSearch);
        }
        report.RealQueries = real.Queries.Count;
        report.RealGallery = gallery.RealCount;
        report.SyntheticQueries = gallery.SyntheticQueries.Count;
        Console.WriteLine(report.ToMarkdown(CultureInfo.InvariantCulture));
    }
}

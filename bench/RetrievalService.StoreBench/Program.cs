using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RetrievalService.Storage;
using RetrievalService.StoreBench;

// Store benchmark for docs/store-benchmarks.md: results as Markdown on stdout, progress on stderr.
var settings = BenchSettings.Parse(args);
var connectionString = BenchDatabase.ConnectionString();
var schema = $"bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
var options = new GalleryStoreOptions
{
    ConnectionString = connectionString, Schema = schema, HnswM = settings.HnswM,
    HnswEfConstruction = settings.HnswEfConstruction, IterativeScan = HnswIterativeScan.RelaxedOrder,
};
const string ModelId = "bench-teacher";
var invariant = CultureInfo.InvariantCulture;
void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

Progress($"generating {settings.Count} + {settings.Queries} clustered {settings.Dimension}-d vectors ({settings.Clusters} clusters)");
var all = SyntheticVectors.Clustered(settings.Count + settings.Queries, settings.Dimension, settings.Clusters, seed: 42);
var gallery = all[..settings.Count];
var queries = all[settings.Count..];
var ids = Enumerable.Range(0, settings.Count).Select(i => $"img-{i:D7}").ToArray();
var hash = new string('0', 64);
var items = gallery.Select((v, i) => new RetrievalService.Storage.Model.GalleryItem(
    ids[i], hash, $"/bench/{ids[i]}.jpg", new System.Text.Json.Nodes.JsonObject { ["cluster"] = i % 10 }, v)).ToList();

await using var store = GalleryStore.Create(options);
try
{
    await store.RegisterModelAsync(ModelId, settings.Dimension);
    await store.DropIndexAsync(ModelId);

    Progress("raw binary COPY");
    var rawCopy = await CopyBench.RawCopyAsync(connectionString, schema, gallery);

    Progress($"bulk upsert (COPY → staging → INSERT … ON CONFLICT) in batches of {settings.BatchSize}");
    var watch = Stopwatch.StartNew();
    foreach (var batch in items.Chunk(settings.BatchSize))
    {
        await store.UpsertManyAsync(ModelId, batch);
    }
    var upsert = watch.Elapsed;
    watch.Restart();
    foreach (var batch in items.Chunk(settings.BatchSize))
    {
        await store.UpsertManyAsync(ModelId, batch);
    }
    var unchanged = watch.Elapsed;

    Progress($"building HNSW (m={settings.HnswM}, ef_construction={settings.HnswEfConstruction})");
    var build = await store.RebuildIndexAsync(ModelId);
    var stats = (await store.GetStatsAsync()).Single();

    Progress("exact top-k in C#");
    var truth = GroundTruth.TopK(gallery, queries, settings.K);
    var rows = new List<SearchBench.Row>();
    foreach (var ef in settings.EfSearch)
    {
        Progress($"queries at ef_search={ef}");
        rows.Add(await SearchBench.RunAsync(store, ModelId, queries, truth, ids, settings.K, ef, exact: false));
    }
    Progress("exact-scan queries");
    rows.Add(await SearchBench.RunAsync(store, ModelId, queries.Take(Math.Min(50, queries.Length)).ToArray(),
        truth, ids, settings.K, null, exact: true));

    double Rate(TimeSpan t) => settings.Count / t.TotalSeconds;
    Console.WriteLine(string.Create(invariant, $"""
        | Step | Time | Rate |
        |---|---:|---:|
        | Raw binary COPY, {settings.Count:N0} × vector({settings.Dimension}), no index | {rawCopy.TotalSeconds:F1} s | {Rate(rawCopy):N0} rows/s |
        | Bulk upsert, new rows (batches of {settings.BatchSize:N0}, no index) | {upsert.TotalSeconds:F1} s | {Rate(upsert):N0} rows/s |
        | Bulk upsert, same rows again (all unchanged) | {unchanged.TotalSeconds:F1} s | {Rate(unchanged):N0} rows/s |
        | HNSW build (CONCURRENTLY, m={settings.HnswM}, ef_construction={settings.HnswEfConstruction}) | {build.TotalSeconds:F1} s | {Rate(build):N0} rows/s |

        Table with indexes {stats.TableBytes / 1048576.0:F0} MiB, HNSW index {stats.HnswIndexBytes / 1048576.0:F0} MiB.

        | Query (k={settings.K}, {queries.Length} queries, sequential) | p50 | p99 | mean | recall@{settings.K} |
        |---|---:|---:|---:|---:|
        """));
    foreach (var row in rows)
    {
        Console.WriteLine(string.Create(invariant, $"| {row.Mode} | {row.P50Ms:F2} ms | {row.P99Ms:F2} ms | {row.MeanMs:F2} ms | {row.Recall:F4} |"));
    }
}
finally
{
    if (!settings.Keep)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

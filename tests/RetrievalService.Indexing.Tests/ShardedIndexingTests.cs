using System.Text.Json;
using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary>Indexers that each take one shard of the same manifest, as the pods of a Kubernetes Indexed Job do.</summary>
public sealed class ShardedIndexingTests : IsolatedTest
{
    [Fact]
    public async Task Four_shards_indexing_one_manifest_at_once_store_every_item_exactly_once()
    {
        var (manifest, ids) = PhotoManifest();

        var exits = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Runner.RunAsync(
            "index", "--manifest", manifest, "--shard", $"{i}/4", "--no-progress", "--batch-size", "2", "--report", ShardReport(i)))));

        Assert.Equal([ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok], exits);
        var stored = (await GalleryRows.ReadAsync(Schema)).Select(r => r.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        for (var i = 0; i < 4; i++)
        {
            var report = IndexerRunner.ReadReport(ShardReport(i));
            var share = ids.Where(id => InputShard.Of(id, 4) == i).ToHashSet();
            AssertShard(report, i, 4);
            AssertCounts(report, total: share.Count, stored: share.Count, unchanged: 0);
            Assert.Equal(share, IndexerRunner.ReportItems(report).Keys.ToHashSet());
        }
        Assert.Equal(ids.Count, Enumerable.Range(0, 4).Sum(i => Counts(IndexerRunner.ReadReport(ShardReport(i))).GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task A_shard_pod_killed_mid_run_and_started_again_stores_its_whole_share_once()
    {
        var (manifest, ids) = PhotoManifest();
        var share = ids.Where(id => InputShard.Of(id, 2) == 1).Order(StringComparer.Ordinal).ToList();
        // The second pod of a two-pod Indexed Job: Kubernetes sets its index, the Job's spec the count.
        var pod = new IndexerRunner(Schema) { Environment = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "1", ["INDEXER_SHARDS"] = "2" } };

        var reportedStored = await pod.KillAfterFirstBatchAsync(
            "index", "--manifest", manifest, "--no-progress", "--batch-size", "2", "--pause-after-batch-ms", "400");
        var survivors = await GalleryRows.ReadAsync(Schema);
        Assert.InRange(survivors.Count, reportedStored, share.Count - 1);
        Assert.All(survivors, row => Assert.Contains(row.Id, share));

        var (exit, _, stderr) = await pod.RunChildAsync("index", "--manifest", manifest, "--no-progress", "--report", ReportPath);

        Assert.True(exit == ExitCodes.Ok, stderr);
        Assert.Contains("done: shard 1/2:", stderr, StringComparison.Ordinal);
        Assert.Equal(share, (await GalleryRows.ReadAsync(Schema)).Select(r => r.Id));
        var report = IndexerRunner.ReadReport(ReportPath);
        AssertShard(report, 1, 2);
        AssertCounts(report, total: share.Count, stored: share.Count - survivors.Count, unchanged: survivors.Count);
    }

    [Theory]
    [InlineData("--shard", "4/4")]
    [InlineData("--shard", "0/0")]
    [InlineData("--shard", "0/1025")]
    [InlineData("--shard=-1/4")]
    [InlineData("--shard", "two/4")]
    [InlineData("--shard", "1")]
    [InlineData("--shard", "0/2", "--shards", "2")]
    [InlineData("--shards", "0")]
    [InlineData("--shards", "4")]
    public async Task A_bad_shard_is_refused_as_a_usage_error_before_anything_is_indexed(params string[] shard)
    {
        Files.Images(2);

        Assert.Equal(ExitCodes.Usage, await Runner.RunAsync(["index", Files.Folder, "--no-progress", .. shard]));
        Assert.Empty(await GalleryRows.ReadAsync(Schema));
    }

    [Fact]
    public async Task A_pod_index_outside_the_shard_count_is_refused_as_a_usage_error_naming_the_variable()
    {
        Files.Images(2);
        var pod = new IndexerRunner(Schema) { Environment = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "4", ["INDEXER_SHARDS"] = "4" } };

        var (exit, _, stderr) = await pod.RunChildAsync("index", Files.Folder, "--no-progress");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("JOB_COMPLETION_INDEX=4 with INDEXER_SHARDS 4", stderr, StringComparison.Ordinal);
        Assert.Empty(await GalleryRows.ReadAsync(Schema));
    }

    /// <summary>A manifest of the ten real photos and fourteen generated images, by absolute and relative path.</summary>
    private (string Manifest, IReadOnlyList<string> Ids) PhotoManifest()
    {
        var generated = Files.Images(14).Select(p => (Id: Path.GetFileNameWithoutExtension(p), Path: Path.GetFileName(p)));
        var lines = TestPhotos.All.Concat(generated).ToList();
        var csv = "id,path\n" + string.Concat(lines.Select(l => $"{l.Id},{l.Path}\n"));
        return (Files.Bytes("gallery.csv", System.Text.Encoding.UTF8.GetBytes(csv)), [.. lines.Select(l => l.Id)]);
    }

    private string ShardReport(int index) => Path.Combine(Files.Folder, $"shard-{index}-report.json");

    private static JsonElement Counts(JsonElement report) => report.GetProperty("counts");

    private static void AssertShard(JsonElement report, int index, int count)
    {
        Assert.Equal(index, report.GetProperty("shard").GetProperty("index").GetInt32());
        Assert.Equal(count, report.GetProperty("shard").GetProperty("count").GetInt32());
        Assert.True(report.GetProperty("completed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("error").ValueKind);
    }

    private static void AssertCounts(JsonElement report, int total, int stored, int unchanged)
    {
        var counts = Counts(report);
        Assert.Equal(total, counts.GetProperty("total").GetInt32());
        Assert.Equal(stored, counts.GetProperty("stored").GetInt32());
        Assert.Equal(unchanged, counts.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, counts.GetProperty("rejected").GetInt32());
    }
}

using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Indexing.Pipeline;
using RetrievalService.Indexing.Tests.Infrastructure;
using RetrievalService.Storage;

namespace RetrievalService.Indexing.Tests;

/// <summary>
/// The read stage holds no more undecoded bytes than <see cref="PipelineSettings.ReadAheadBytes"/>, handing its bytes back
/// from every path an item can take. A budget smaller than any file makes each item wait for the one before it, so a path
/// that forgot to hand back would stop the run here.
/// </summary>
public sealed class ReadAheadTests : IsolatedTest
{
    private static readonly Lazy<OnnxEmbedder> Teacher = new(() =>
        OnnxEmbedder.Load(TestPaths.TeacherManifest, new InferenceOptions { IntraOpThreads = 1 }));

    [Fact]
    public async Task A_read_ahead_budget_smaller_than_any_file_still_stores_skips_and_thumbnails_every_item()
    {
        var paths = Files.Images(6);
        await using var store = GalleryStore.Create(new GalleryStoreOptions { ConnectionString = await TestDatabase.ConnectionStringAsync(), Schema = Schema });
        var pipeline = new IndexingPipeline(Teacher.Value, new ImagePipeline(new ImageDecodeLimits()), store, new IndexingOptions { WriteBatchSize = 2, EmbedBatchSize = 2 });
        var settings = new PipelineSettings { ReadAheadBytes = 1 };
        IndexItem[] items = [.. paths.Select(p => new IndexItem(Path.GetFileName(p), IndexContent.FromFile(p), Path.GetFileName(p), null))];

        var first = await RunAsync(pipeline, items, settings);
        await GalleryThumbnails.ExecuteAsync(Schema, "UPDATE {0} SET thumbnail = NULL WHERE id IN ('img-01.png', 'img-04.png')");
        var second = await RunAsync(pipeline, items, settings);

        Assert.All(first, r => Assert.Equal(IndexItemStatus.Stored, r.Status));
        Assert.All(second, r => Assert.Equal(IndexItemStatus.Unchanged, r.Status));
        Assert.Equal(["img-01.png", "img-04.png"], second.Where(r => r.ThumbnailAdded).Select(r => r.Id));
    }

    // A run that waits forever for bytes never handed back fails here instead of hanging the test.
    private static async Task<IReadOnlyList<IndexItemResult>> RunAsync(IndexingPipeline pipeline, IndexItem[] items, PipelineSettings settings)
    {
        var results = new IndexItemResult[items.Length];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await pipeline.RunAsync(items, new Collector(results), settings, timeout.Token);
        return results;
    }

    private sealed class Collector(IndexItemResult[] results) : IIndexingObserver
    {
        public void OnResult(int position, IndexItem item, IndexItemResult result) => results[position] = result;

        public void OnBatchCommitted(int rows)
        {
        }
    }
}

using System.Text.Json;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Indexing.Pipeline;
using RetrievalService.Indexing.Tests.Infrastructure;
using RetrievalService.Storage;

namespace RetrievalService.Indexing.Tests;

/// <summary>The pipeline fed uploads in memory, as the API's <c>POST /index</c> does, on a real teacher and database.</summary>
public sealed class UploadIndexingTests : IsolatedTest
{
    private static readonly Lazy<OnnxEmbedder> Teacher = new(() =>
        OnnxEmbedder.Load(TestPaths.TeacherManifest, new InferenceOptions { IntraOpThreads = 1 }));

    [Fact]
    public async Task Items_are_stored_unchanged_or_rejected_one_by_one_in_input_order()
    {
        await using var store = await CreateStoreAsync();
        var indexer = new IndexingPipeline(Teacher.Value, new ImagePipeline(new ImageDecodeLimits()), store, new IndexingOptions { WriteBatchSize = 2 });
        var metadata = JsonDocument.Parse("""{"lang": "en"}""").RootElement;
        IndexItem[] items =
        [
            Item("a", 1, metadata),
            Item("b", 2),
            new("corrupt", IndexContent.FromBytes("garbage"u8.ToArray()), "mem://corrupt", null),
            Item("a", 3),
            Item("bad/id", 4),
            Item("array", 5, JsonDocument.Parse("[1]").RootElement),
            Item("c", 6),
        ];

        var first = await indexer.IndexAsync(items, CancellationToken.None);
        var second = await indexer.IndexAsync([Item("a", 1, metadata), Item("b", 99)], CancellationToken.None);

        Assert.Equal("teacher-resnet18-gem", indexer.TeacherId);
        Assert.Equal(["a", "b", "corrupt", "a", "bad/id", "array", "c"], first.Select(r => r.Id));
        Assert.Equal(
            [IndexItemStatus.Stored, IndexItemStatus.Stored, IndexItemStatus.Rejected, IndexItemStatus.Rejected,
             IndexItemStatus.Rejected, IndexItemStatus.Rejected, IndexItemStatus.Stored],
            first.Select(r => r.Status));
        Assert.Equal(["UnsupportedFormat", RejectionCodes.DuplicateId, RejectionCodes.InvalidId, RejectionCodes.InvalidMetadata],
            first.Where(r => r.Status == IndexItemStatus.Rejected).Select(r => r.Code));
        Assert.All(first.Where(r => r.Status == IndexItemStatus.Rejected), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Equal([IndexItemStatus.Unchanged, IndexItemStatus.Stored], second.Select(r => r.Status));
        Assert.Equal(3, await store.CountAsync(indexer.TeacherId));
        var stored = await store.GetAsync(indexer.TeacherId, "a");
        Assert.Equal("en", stored!.Metadata["lang"]!.GetValue<string>());
        Assert.Equal(512, stored.Embedding.Length);
    }

    [Fact]
    public async Task An_empty_request_returns_no_results()
    {
        await using var store = await CreateStoreAsync();
        var indexer = new IndexingPipeline(Teacher.Value, new ImagePipeline(new ImageDecodeLimits()), store, new IndexingOptions());

        Assert.Empty(await indexer.IndexAsync([], CancellationToken.None));
    }

    private async Task<GalleryStore> CreateStoreAsync() => GalleryStore.Create(new GalleryStoreOptions
    {
        ConnectionString = await TestDatabase.ConnectionStringAsync(),
        Schema = Schema,
    });

    private IndexItem Item(string id, int seed, JsonElement? metadata = null) =>
        new(id, IndexContent.FromBytes(File.ReadAllBytes(Files.Image($"{Guid.NewGuid():N}.png", seed))), $"mem://{id}", metadata);
}

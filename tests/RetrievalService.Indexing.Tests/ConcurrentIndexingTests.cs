using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary>Two indexers on overlapping input at once: both succeed, and every image is stored exactly once.</summary>
public sealed class ConcurrentIndexingTests : IsolatedTest
{
    [Fact]
    public async Task Two_indexers_on_overlapping_manifests_at_once_store_each_image_once_without_errors()
    {
        var paths = Files.Images(16);
        var first = Manifest("first.csv", paths.Take(11));
        var second = Manifest("second.csv", paths.Skip(5));
        var clean = new IndexerRunner(TestSchemas.NewSchema());
        try
        {
            var both = await Task.WhenAll(
                Task.Run(() => Runner.RunAsync("index", "--manifest", first, "--no-progress", "--batch-size", "3")),
                Task.Run(() => Runner.RunAsync("index", "--manifest", second, "--no-progress", "--batch-size", "2")));
            Assert.Equal([ExitCodes.Ok, ExitCodes.Ok], both);

            Assert.Equal(ExitCodes.Ok, await clean.RunAsync("index", "--manifest", Manifest("all.csv", paths), "--no-progress"));
            var rows = await GalleryRows.ReadAsync(Schema);
            Assert.Equal(16, rows.Count);
            GalleryRows.AssertSame(await GalleryRows.ReadAsync(clean.Schema), rows);
        }
        finally
        {
            await TestSchemas.DropSchemaAsync(clean.Schema);
        }
    }

    private string Manifest(string name, IEnumerable<string> images) =>
        Files.Bytes(name, System.Text.Encoding.UTF8.GetBytes(
            "id,path\n" + string.Concat(images.Select(p => $"{Path.GetFileNameWithoutExtension(p)},{Path.GetFileName(p)}\n"))));
}

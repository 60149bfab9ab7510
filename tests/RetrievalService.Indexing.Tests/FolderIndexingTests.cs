using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

public sealed class FolderIndexingTests : IsolatedTest
{
    [Fact]
    public async Task Indexing_a_folder_stores_every_image_under_its_relative_path_with_colons()
    {
        Files.Images(3);
        Files.Image("cats/tabby.jpg", seed: 50);
        Files.Image("cats/deep/tiger.PNG", seed: 51);
        Files.Bytes("notes.txt", "not an image"u8.ToArray());

        var exit = await Runner.RunAsync("index", Files.Folder, "--no-progress", "--report", ReportPath);

        Assert.Equal(ExitCodes.Ok, exit);
        var rows = await GalleryRows.ReadAsync(Schema);
        Assert.Equal(["cats:deep:tiger.PNG", "cats:tabby.jpg", "img-00.png", "img-01.png", "img-02.png"], rows.Select(r => r.Id));
        // Relative to the indexed folder: the server's directory layout never reaches the gallery.
        Assert.Equal("cats/tabby.jpg", rows.Single(r => r.Id == "cats:tabby.jpg").Source);
        var report = IndexerRunner.ReadReport(ReportPath);
        Assert.True(report.GetProperty("completed").GetBoolean());
        Assert.Equal(5, report.GetProperty("counts").GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task Bad_files_are_skipped_and_reported_with_path_and_reason_and_the_exit_code_is_3()
    {
        Files.Images(4);
        var garbage = Files.Bytes("garbage.jpg", "definitely not a jpeg"u8.ToArray());
        var truncated = Files.TruncatedPng("truncated.png");
        Files.Bytes("empty.png", []);

        var exit = await Runner.RunAsync("index", Files.Folder, "--no-progress", "--batch-size", "2", "--report", ReportPath);

        Assert.Equal(ExitCodes.SomeRejected, exit);
        Assert.Equal(["img-00.png", "img-01.png", "img-02.png", "img-03.png"], (await GalleryRows.ReadAsync(Schema)).Select(r => r.Id));
        var items = IndexerRunner.ReportItems(IndexerRunner.ReadReport(ReportPath));
        Assert.Equal(("rejected", "UnsupportedFormat", garbage), items["garbage.jpg"]);
        Assert.Equal(("rejected", "Corrupt", truncated), items["truncated.png"]);
        Assert.Equal("Empty", items["empty.png"].Code);
        Assert.All(items.Where(i => i.Key.StartsWith("img-", StringComparison.Ordinal)), i => Assert.Equal("stored", i.Value.Status));
    }

    [Fact]
    public async Task With_accept_rejected_a_run_that_rejected_files_exits_0_and_still_reports_them()
    {
        Files.Images(2);
        Files.Bytes("garbage.jpg", "definitely not a jpeg"u8.ToArray());

        var exit = await Runner.RunAsync("index", Files.Folder, "--no-progress", "--accept-rejected", "--report", ReportPath);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(2, (await GalleryRows.ReadAsync(Schema)).Count);
        var garbage = IndexerRunner.ReportItems(IndexerRunner.ReadReport(ReportPath))["garbage.jpg"];
        Assert.Equal(("rejected", "UnsupportedFormat"), (garbage.Status, garbage.Code));
    }

    [Fact]
    public async Task Rerunning_on_an_indexed_folder_reports_every_image_unchanged_and_writes_nothing()
    {
        Files.Images(5);
        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("index", Files.Folder, "--no-progress"));
        var before = await GalleryRows.ReadAsync(Schema);

        var exit = await Runner.RunAsync("index", Files.Folder, "--no-progress", "--report", ReportPath);

        Assert.Equal(ExitCodes.Ok, exit);
        var counts = IndexerRunner.ReadReport(ReportPath).GetProperty("counts");
        Assert.Equal(5, counts.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, counts.GetProperty("stored").GetInt32());
        GalleryRows.AssertSame(before, await GalleryRows.ReadAsync(Schema));
    }

    [Fact]
    public async Task A_changed_file_is_embedded_again_and_replaces_its_row()
    {
        var path = Files.Images(2)[0];
        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("index", Files.Folder, "--no-progress"));
        var before = (await GalleryRows.ReadAsync(Schema)).Single(r => r.Id == "img-00.png");
        Files.Image("img-00.png", seed: 777);

        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("index", Files.Folder, "--no-progress", "--report", ReportPath));

        var after = (await GalleryRows.ReadAsync(Schema)).Single(r => r.Id == "img-00.png");
        Assert.NotEqual(before.ContentSha256, after.ContentSha256);
        Assert.Equal(("stored", null, path), IndexerRunner.ReportItems(IndexerRunner.ReadReport(ReportPath))["img-00.png"]);
    }

    [Fact]
    public async Task Delete_removes_rows_and_a_missing_folder_is_an_input_error()
    {
        Files.Images(2);
        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("index", Files.Folder, "--no-progress"));

        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("delete", "img-00.png", "no-such-id"));
        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("stats"));
        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("reindex-hnsw"));

        Assert.Equal(["img-01.png"], (await GalleryRows.ReadAsync(Schema)).Select(r => r.Id));
        Assert.Equal(ExitCodes.InputError, await Runner.RunAsync("index", Path.Combine(Files.Folder, "missing"), "--no-progress"));
    }
}

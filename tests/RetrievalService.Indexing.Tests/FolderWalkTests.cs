using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary>
/// Walking a folder leaves nothing out silently and never leaves the folder. The child process keeps a walk that would
/// never end (through a link to the root of the file system) from hanging the test.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FolderWalkTests : IsolatedTest
{
    [Fact]
    public async Task Links_to_folders_are_reported_and_not_followed_and_links_to_files_are_indexed()
    {
        Files.Images(2);
        Files.Image("sub/a.png", seed: 10);
        Files.Link("loop", ".");
        Files.Link("everything", "/");
        Files.Link("sub/linked.png", "../img-00.png");

        var (exit, _, stderr) = await Runner.RunChildAsync("index", Files.Folder, "--no-progress", "--report", ReportPath);

        Assert.True(exit == ExitCodes.SomeRejected, stderr);
        Assert.Equal(["img-00.png", "img-01.png", "sub:a.png", "sub:linked.png"], (await GalleryRows.ReadAsync(Schema)).Select(r => r.Id));
        var report = IndexerRunner.ReadReport(ReportPath);
        var items = IndexerRunner.ReportItems(report);
        Assert.Equal(("rejected", "LinkedFolder", Path.Combine(Files.Folder, "loop")), items["loop"]);
        Assert.Equal(("rejected", "LinkedFolder", Path.Combine(Files.Folder, "everything")), items["everything"]);
        Assert.Equal(6, report.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Contains($"indexer: rejected {Path.Combine(Files.Folder, "loop")} (LinkedFolder)", stderr, StringComparison.Ordinal);
    }

    // Made unreadable by chmod and listed by an unprivileged process (IndexerRunner.Unprivileged), the folder fails to open
    // exactly as any unreadable folder does. The report is left out: that user may not write beside the test folder.
    [Fact]
    public async Task A_subfolder_that_cannot_be_read_is_reported_as_unreadable_and_the_rest_is_indexed()
    {
        Files.Images(1);
        Files.Image("locked/a.png", seed: 10);
        var runner = new IndexerRunner(Schema) { Unprivileged = true };
        using (Files.Locked("locked"))
        {
            var (exit, _, stderr) = await runner.RunChildAsync("index", Files.Folder, "--no-progress");

            Assert.True(exit == ExitCodes.SomeRejected, stderr);
            Assert.Contains($"indexer: rejected {Path.Combine(Files.Folder, "locked")} (Unreadable): The folder cannot be read", stderr, StringComparison.Ordinal);
            Assert.Contains("indexer: done: 2 of 2 files", stderr, StringComparison.Ordinal);
        }
        Assert.Equal(["img-00.png"], (await GalleryRows.ReadAsync(Schema)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_read_is_an_input_error_not_an_empty_run()
    {
        Files.Images(1);
        var runner = new IndexerRunner(Schema) { Unprivileged = true };
        using (Files.Locked())
        {
            var (exit, _, stderr) = await runner.RunChildAsync("index", Files.Folder, "--no-progress");

            Assert.True(exit == ExitCodes.InputError, stderr);
            Assert.Contains($"indexer: The folder '{Files.Folder}' cannot be read", stderr, StringComparison.Ordinal);
        }
        Assert.Empty(await GalleryRows.ReadAsync(Schema));
    }
}

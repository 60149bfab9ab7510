using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary>
/// What a file's name points at is checked, not the name: a link is followed to its target, and only a regular file within
/// the size limit is read. Run as a child process, so that a read that never ends fails the test instead of hanging it.
/// </summary>
public sealed class SpecialFileTests : IsolatedTest
{
    [Fact]
    public async Task Links_to_a_huge_file_or_a_device_and_a_fifo_are_rejected_without_being_read_and_linked_images_are_stored()
    {
        var photo = Files.Image("photo.png", seed: 1);
        Files.Link("linked.png", photo);
        // Over 2 GiB: reading it whole would fail as an I/O error, so TooManyBytes with its size proves it was measured first.
        Files.Link("huge.jpg", Files.Sparse("huge.bin", 3L << 30));
        Files.Link("zero.jpg", "/dev/zero");
        Files.Fifo("pipe.jpg");

        var (exit, _, stderr) = await Runner.RunChildAsync("index", Files.Folder, "--no-progress", "--report", ReportPath);

        Assert.True(exit == ExitCodes.SomeRejected, stderr);
        Assert.Equal(["linked.png", "photo.png"], (await GalleryRows.ReadAsync(Schema)).Select(r => r.Id));
        var report = IndexerRunner.ReadReport(ReportPath);
        var items = IndexerRunner.ReportItems(report);
        Assert.Equal("TooManyBytes", items["huge.jpg"].Code);
        Assert.StartsWith($"The file is {3L << 30} bytes", IndexerRunner.ReportReason(report, "huge.jpg"), StringComparison.Ordinal);
        Assert.Equal("Unreadable", items["zero.jpg"].Code);
        Assert.Contains("character device", IndexerRunner.ReportReason(report, "zero.jpg"), StringComparison.Ordinal);
        Assert.Equal("Unreadable", items["pipe.jpg"].Code);
        Assert.Contains("FIFO", IndexerRunner.ReportReason(report, "pipe.jpg"), StringComparison.Ordinal);
    }
}

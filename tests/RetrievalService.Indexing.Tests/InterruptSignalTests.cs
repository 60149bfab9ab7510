using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary>
/// Ctrl+C and SIGTERM stop a run, which still writes its summary and report. The run is stopped while the teacher embeds
/// a large batch, which cannot be cut short: the process must wait for it rather than end before the report is written.
/// </summary>
public sealed class InterruptSignalTests : IsolatedTest
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_mid_run_ends_with_exit_130_a_summary_and_a_report_of_what_was_stored(string signal)
    {
        // Small images decode far faster than the teacher embeds them, so its second batch is large.
        Files.Images(512);

        var (exit, storedBefore, stderr) = await Runner.SignalAfterFirstBatchAsync(
            signal, "index", Files.Folder, "--no-progress", "--embed-batch-size", "256", "--report", ReportPath);

        Assert.True(exit == ExitCodes.Cancelled, stderr);
        Assert.Contains("indexer: stopped: ", stderr, StringComparison.Ordinal);
        var report = IndexerRunner.ReadReport(ReportPath);
        Assert.False(report.GetProperty("completed").GetBoolean());
        var stored = IndexerRunner.ReportItems(report).Where(i => i.Value.Status == "stored").Select(i => i.Key).ToHashSet();
        Assert.InRange(stored.Count, storedBefore, 511);
        Assert.Equal(stored.Order(StringComparer.Ordinal), (await GalleryRows.ReadAsync(Schema)).Select(r => r.Id));
    }
}

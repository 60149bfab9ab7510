using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary>Issue 4 §3: a run killed at any point loses nothing reported as stored, and a rerun completes it exactly.</summary>
public sealed class InterruptedRunTests : IsolatedTest
{
    private const int ImageCount = 24;

    [Fact]
    public async Task A_run_killed_after_its_first_batch_keeps_what_it_reported_and_a_rerun_gives_the_rows_of_a_clean_run()
    {
        Files.Images(ImageCount);
        var clean = new IndexerRunner(TestSchemas.NewSchema());
        try
        {
            Assert.Equal(ExitCodes.Ok, await clean.RunAsync("index", Files.Folder, "--no-progress"));

            // Slowed to one 4-row batch per 400 ms, so that the kill comes mid-run.
            var reportedStored = await Runner.KillAfterFirstBatchAsync(
                "index", Files.Folder, "--no-progress", "--batch-size", "4", "--pause-after-batch-ms", "400");
            var survivors = await GalleryRows.ReadAsync(Schema);
            Assert.InRange(survivors.Count, reportedStored, ImageCount - 1);

            Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("index", Files.Folder, "--no-progress", "--report", ReportPath));
            var counts = IndexerRunner.ReadReport(ReportPath).GetProperty("counts");
            Assert.Equal(survivors.Count, counts.GetProperty("unchanged").GetInt32());
            Assert.Equal(ImageCount - survivors.Count, counts.GetProperty("stored").GetInt32());
            GalleryRows.AssertSame(await GalleryRows.ReadAsync(clean.Schema), await GalleryRows.ReadAsync(Schema));
        }
        finally
        {
            await TestSchemas.DropSchemaAsync(clean.Schema);
        }
    }
}

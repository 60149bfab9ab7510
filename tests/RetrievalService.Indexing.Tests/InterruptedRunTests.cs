using System.Text.RegularExpressions;
using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary>Issue 4 §3: a run killed at any point loses nothing reported as stored, and a rerun completes it exactly.</summary>
public sealed partial class InterruptedRunTests : IsolatedTest
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

            var reportedStored = await KillAfterFirstBatchAsync();
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

    /// <summary>Starts the real CLI slowed to one 4-row batch per 400 ms and kills it once it reports a commit.</summary>
    private async Task<int> KillAfterFirstBatchAsync()
    {
        using var child = await Runner.StartChildAsync(
            "index", Files.Folder, "--no-progress", "--batch-size", "4", "--pause-after-batch-ms", "400");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var seen = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await child.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (Committed().Match(line) is { Success: true } match)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(timeout.Token);
                await stdout;
                return int.Parse(match.Groups["stored"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        await child.WaitForExitAsync(timeout.Token);
        throw new Xunit.Sdk.XunitException($"The indexer (exit {child.ExitCode}) never reported a batch:\n{string.Join('\n', seen)}");
    }

    [GeneratedRegex(@"^indexer: committed \d+/\d+ \((?<stored>\d+) stored")]
    private static partial Regex Committed();
}

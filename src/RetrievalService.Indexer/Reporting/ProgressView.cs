using System.Globalization;
using Spectre.Console;

namespace RetrievalService.Indexer.Reporting;

/// <summary>
/// Shows a run's progress on stderr: a live bar with images/s and ETA on a terminal, else (redirected, or
/// <c>--no-progress</c>) one plain line per committed batch, which logs and the tests can follow.
/// </summary>
internal static class ProgressView
{
    public static async Task RunAsync(RunRecorder recorder, bool live, Func<Task> run)
    {
        if (!live)
        {
            recorder.BatchCommitted = () => Console.Error.WriteLine(Line(recorder));
            await run();
            return;
        }
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("indexing", maxValue: Math.Max(1, recorder.Total));
                recorder.BatchCommitted = () => task.Value = recorder.Done;
                using var timer = new Timer(_ => task.Value = recorder.Done, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
                await run();
                task.Value = recorder.Done;
            });
    }

    /// <summary>The plain progress line: <c>indexer: committed 24/100 (…), 12.3 images/s, ETA 6 s</c>.</summary>
    public static string Line(RunRecorder r)
    {
        var rate = r.ImagesPerSecond;
        var eta = rate > 0 ? (r.Total - r.Done) / rate : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"indexer: committed {r.Done}/{r.Total} ({r.Stored} stored, {r.Unchanged} unchanged, {r.Rejected} rejected), {rate:0.0} images/s, ETA {eta:0} s");
    }
}

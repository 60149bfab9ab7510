using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Indexer.Reporting;
using RetrievalService.Indexer.Sources;
using RetrievalService.Indexing;
using RetrievalService.Indexing.Pipeline;
using Spectre.Console;

namespace RetrievalService.Indexer.Commands;

/// <summary>Runs one <c>index</c> request: list the input (or one shard of it), run the pipeline with progress, summarise, report.</summary>
internal static class IndexRun
{
    public static async Task<int> RunAsync(IServiceProvider services, IndexRequest request, CancellationToken ct)
    {
        if (request.ReportPath is { } reportPath)
        {
            IndexReport.CheckWritable(reportPath);
        }
        var input = request.Folder is { } folder
            ? FolderSource.Enumerate(folder, request.Extensions)
            : ManifestSource.Read(request.Manifest!);
        var sources = request.Shard is { } shard ? input.InShard(shard) : input;
        var pipeline = services.GetRequiredService<IndexingPipeline>();
        var live = !request.NoProgress && AnsiConsole.Profile.Capabilities.Interactive;
        var recorder = new RunRecorder(sources.Items.Count + sources.Problems.Count, entry => ShowRejected(entry, live));
        foreach (var problem in sources.Problems)
        {
            recorder.OnResult(-1, new IndexItem(problem.Id, IndexContent.FromFile(problem.Source), problem.Source, null), problem.ToResult());
        }
        var settings = new PipelineSettings { Force = request.Force, PauseAfterBatch = request.PauseAfterBatch };
        var startedAt = DateTimeOffset.Now;
        string? error = null;
        try
        {
            await ProgressView.RunAsync(recorder, live, () => pipeline.RunAsync(sources.Items, recorder, settings, ct));
        }
        catch (Exception e)
        {
            error = e.Message;
            throw;
        }
        finally
        {
            if (request.ReportPath is { } path)
            {
                Report(recorder, pipeline.TeacherId, request.Folder ?? request.Manifest!, request.Shard, startedAt, error).Write(path);
            }
            Console.Error.WriteLine(Summary(recorder, pipeline.TeacherId, request.Shard, error is null));
        }
        return recorder.Rejected > 0 && !request.AcceptRejected ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    private static void ShowRejected(ReportEntry entry, bool live)
    {
        var line = $"indexer: rejected {entry.Source} ({entry.Code}): {entry.Reason}";
        if (live)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{line}[/]");
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    private static string Summary(RunRecorder r, string teacher, InputShard? shard, bool completed) => FormattableString.Invariant(
        $"indexer: {(completed ? "done" : "stopped")}: {(shard is { } s ? $"shard {s}: " : "")}{r.Done} of {r.Total} files with {teacher}: {r.Stored} stored, {r.Unchanged} unchanged, {r.Rejected} rejected, {r.ThumbnailsAdded} thumbnails added in {r.Elapsed.TotalSeconds:0.0} s ({r.ImagesPerSecond:0.0} images/s)");

    private static IndexReport Report(RunRecorder r, string teacher, string input, InputShard? shard, DateTimeOffset startedAt, string? error) => new(
        teacher, Path.GetFullPath(input), shard, startedAt, DateTimeOffset.Now, r.Elapsed.TotalSeconds, error is null && r.Done == r.Total, error,
        new ReportCounts(r.Total, r.Stored, r.Unchanged, r.Rejected, r.ThumbnailsAdded), r.ImagesPerSecond, r.Entries);
}

using System.Diagnostics;
using RetrievalService.Indexing;
using RetrievalService.Indexing.Pipeline;

namespace RetrievalService.Indexer.Reporting;

/// <summary>Collects every file's outcome for the summary and the report, and drives the progress display.</summary>
internal sealed class RunRecorder(int total, Action<ReportEntry> onRejected) : IIndexingObserver
{
    private readonly List<ReportEntry> entries = new(total);
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public int Total { get; } = total;

    public int Stored { get; private set; }

    public int Unchanged { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>Rows stored before, without a thumbnail, that got one (counted as unchanged, or stored when their metadata changed too).</summary>
    public int ThumbnailsAdded { get; private set; }

    public int Done => Stored + Unchanged + Rejected;

    public TimeSpan Elapsed => clock.Elapsed;

    public double ImagesPerSecond => Done / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);

    public IReadOnlyList<ReportEntry> Entries => entries;

    /// <summary>Called after each committed batch, with results already counted.</summary>
    public Action? BatchCommitted { get; set; }

    public void OnResult(int position, IndexItem item, IndexItemResult result)
    {
        // The report is the operator's, on this machine: it names the file where it lies, not the source stored for clients.
        var entry = new ReportEntry(result.Id, item.Content.FilePath ?? item.Source, result.Status, result.Code, result.Reason);
        entries.Add(entry);
        ThumbnailsAdded += result.ThumbnailAdded ? 1 : 0;
        switch (result.Status)
        {
            case IndexItemStatus.Stored:
                Stored++;
                break;
            case IndexItemStatus.Unchanged:
                Unchanged++;
                break;
            default:
                Rejected++;
                onRejected(entry);
                break;
        }
    }

    public void OnBatchCommitted(int rows) => BatchCommitted?.Invoke();
}

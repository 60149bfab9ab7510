using System.Globalization;
using System.Text;
using RetrievalService.DecodeBench.Decoders;
using RetrievalService.DecodeBench.ImageSet;

namespace RetrievalService.DecodeBench.Report;

/// <summary>The Markdown result of <c>decoders</c>: set-up, the table, and how to read it.</summary>
internal static class DecoderReport
{
    private const double MiB = 1024 * 1024;

    public static string Build(IReadOnlyList<DecoderRow> rows, BenchSettings settings, ReportContext context)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Image decoders: decode + resize to longer side {settings.LongerSide}, one thread");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {context.StartedUtc:yyyy-MM-dd HH:mm} – {context.EndedUtc:HH:mm} UTC, from the repository root:");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine(context.Command);
        text.AppendLine("```");
        text.AppendLine();
        var machine = context.Machine;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {machine.LogicalCores} logical cores (nproc), CPU `{machine.CpuModel}`, {machine.Os}, kernel {machine.Kernel}; {machine.Runtime}; " +
            $"OMP_NUM_THREADS={machine.OmpNumThreads}, VIPS_CONCURRENCY=1. Load average {context.LoadAtStart} at the start, {context.LoadAtEnd} at the end.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Libraries: {context.LibraryVersions}.");
        text.AppendLine();
        if (rows.Any(r => !r.Timing.PeakWasReset))
        {
            // Without the reset the high-water mark dates from start-up, so small cells would show the runtime's own peak.
            text.AppendLine("**The kernel refused to reset the resident-set peak; Peak RSS includes start-up.**");
            text.AppendLine();
        }
        text.Append(Table(rows));
        text.AppendLine();
        text.AppendLine("The set (`decode-bench images`):");
        text.AppendLine();
        text.Append(ImageSetSummary.Table(rows.Select(r => r.Spec).Distinct(), settings.Images));
        text.AppendLine();
        text.AppendLine(ReportNotes.Text(settings));
        return text.ToString();
    }

    private static string Table(IReadOnlyList<DecoderRow> rows)
    {
        var table = new MarkdownTable(("Format", false), ("MP", true), ("Size", false), ("Library", false), ("p50 ms", true),
            ("p99 ms", true), ("p50 vs ImageSharp", true), ("CPU p50 ms", true), ("Decoded at", false), ("Peak RSS +MiB", true),
            ("Managed MiB/img", true), ("Mean abs Δ vs ImageSharp", true), ("Licence", false));
        var invariant = CultureInfo.InvariantCulture;
        foreach (var row in rows)
        {
            var baseline = rows.FirstOrDefault(r => r.Spec == row.Spec && r.Timing.Library == ThumbnailDecoders.Baseline);
            var ratio = baseline is null ? "n/a" : (row.Timing.P50Ms / baseline.Timing.P50Ms).ToString("F2", invariant) + "×";
            table.Add(row.Spec.Format.DisplayName(), row.Spec.Megapixels.ToString("F1", invariant),
                $"{row.Spec.Width}×{row.Spec.Height}", row.Timing.Library, row.Timing.P50Ms.ToString("F2", invariant),
                row.Timing.P99Ms.ToString("F2", invariant), ratio, row.Timing.CpuP50Ms.ToString("F2", invariant), row.Timing.DecodedAt,
                (row.Timing.PeakResidentDeltaBytes / MiB).ToString("F0", invariant),
                (row.Timing.ManagedBytesPerImage / MiB).ToString("F2", invariant),
                row.MeanAbsoluteDifference.ToString("F2", invariant), row.Licence);
        }
        return table.ToString();
    }
}

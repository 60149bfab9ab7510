using RetrievalService.DecodeBench.Decoders;
using RetrievalService.DecodeBench.ImageSet;
using RetrievalService.DecodeBench.Measurement;
using RetrievalService.DecodeBench.Report;

namespace RetrievalService.DecodeBench.Commands;

/// <summary><c>decoders</c>: times every library on every cell of the set and writes the Markdown table.</summary>
internal static class DecodersCommand
{
    public static int Run(BenchSettings settings)
    {
        var started = DateTime.UtcNow;
        var loadAtStart = MachineInfo.LoadAverage();
        var rows = new List<DecoderRow>();
        // Cells are named like their folders, with forward slashes on every platform.
        var specs = BenchImageSpec.All.Where(s => settings.Cells is null || settings.Cells.Contains(s.Folder.Replace('\\', '/')));
        foreach (var spec in specs)
        {
            var folder = Path.Combine(settings.Images, spec.Folder);
            if (!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0)
            {
                Progress.Report($"{spec.Folder}: no files, skipped (run the images mode first)");
                continue;
            }
            var differences = Fidelity.MeanAbsoluteDifference(folder, settings.Libraries, settings.LongerSide);
            foreach (var library in settings.Libraries)
            {
                Progress.Report($"{spec.Folder}: {library}");
                var timing = WorkerProcess.Run(library, folder, settings);
                Progress.Report($"{spec.Folder}: {library} p50 {timing.P50Ms:F2} ms, p99 {timing.P99Ms:F2} ms");
                rows.Add(new DecoderRow(spec, timing, ThumbnailDecoders.Create(library).Licence, differences[library]));
            }
        }
        var context = new ReportContext(started, DateTime.UtcNow, Command(settings), MachineInfo.Current(), loadAtStart,
            MachineInfo.LoadAverage(), MachineInfo.LibraryVersions());
        var markdown = DecoderReport.Build(rows, settings, context);
        Console.Write(markdown);
        if (settings.Markdown is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Markdown))!);
            File.WriteAllText(settings.Markdown, markdown);
        }
        return 0;
    }

    private static string Command(BenchSettings settings)
    {
        var threads = Environment.GetEnvironmentVariable("OMP_NUM_THREADS");
        var prefix = threads is null ? "" : $"OMP_NUM_THREADS={threads} ";
        return $"{prefix}dotnet run -c Release --project bench/RetrievalService.DecodeBench -- {string.Join(' ', settings.Arguments)}";
    }
}

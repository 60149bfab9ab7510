using System.Diagnostics;
using System.Text.Json;
using RetrievalService.DecodeBench.Decoders;
using RetrievalService.DecodeBench.ImageSet;
using RetrievalService.DecodeBench.Measurement;
using RetrievalService.SearchBench;

namespace RetrievalService.DecodeBench.Commands;

/// <summary>
/// The internal <c>worker</c> mode: times one library on one folder of the set and prints a
/// <see cref="DecoderTiming"/> as JSON. <c>decoders</c> starts one per row, so no library's
/// pools, caches or heap growth carry over into another's memory figure.
/// </summary>
internal static class WorkerCommand
{
    public const string Mode = "worker";

    public static int Run(BenchSettings settings)
    {
        var library = settings.Library ?? throw new ArgumentException("worker needs --library.");
        var folder = settings.Folder ?? throw new ArgumentException("worker needs --folder.");
        var spec = BenchImageSpec.FromFolder(Path.GetFileName(Path.GetDirectoryName(folder)!), Path.GetFileName(folder))
            ?? throw new ArgumentException($"{folder} is not a <format>/<W>x<H> folder of the set.");
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var decoder = ThumbnailDecoders.Create(library);

        // Native libraries load and the decode path compiles on a small image, before the memory baseline.
        decoder.Decode(TinyImage.Encode(spec.Format), settings.LongerSide);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var peakWasReset = MemoryProbe.ResetPeak();
        var baseline = MemoryProbe.ResidentBytes();

        WarmUp(decoder, files, settings);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (samples, cpuSamples, decodedAt) = Time(decoder, files, settings);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = MemoryProbe.PeakResidentBytes();

        var timing = new DecoderTiming(decoder.Name, spec.Folder, files.Length, samples.Count,
            Percentiles.Of(samples, 50), Percentiles.Of(samples, 99), samples.Average(), Percentiles.Of(cpuSamples, 50),
            peak - baseline, peakWasReset, (double)allocated / samples.Count, decodedAt);
        Console.WriteLine(JsonSerializer.Serialize(timing));
        return 0;
    }

    private static void WarmUp(IThumbnailDecoder decoder, byte[][] files, BenchSettings settings)
    {
        // Tiered JIT promotes hot methods only after a delay; on small images two rounds end before that.
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < settings.Warmups || clock.Elapsed.TotalSeconds < settings.WarmupSeconds; round++)
        {
            foreach (var bytes in files)
            {
                decoder.Decode(bytes, settings.LongerSide);
            }
        }
    }

    private static (List<double> Samples, List<double> CpuSamples, string DecodedAt) Time(
        IThumbnailDecoder decoder, byte[][] files, BenchSettings settings)
    {
        var samples = new List<double>(settings.Repetitions * files.Length);
        var cpuSamples = new List<double>(samples.Capacity);
        var decodedAt = new SortedSet<string>(StringComparer.Ordinal);
        // Round-robin over the files, so a burst of load from elsewhere spreads over all of them.
        for (var repetition = 0; repetition < settings.Repetitions; repetition++)
        {
            foreach (var bytes in files)
            {
                var cpuStart = ProcessCpuClock.Milliseconds();
                var start = Stopwatch.GetTimestamp();
                var thumbnail = decoder.Decode(bytes, settings.LongerSide);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                cpuSamples.Add(ProcessCpuClock.Milliseconds() - cpuStart);
                decodedAt.Add(thumbnail.DecodedWidth == 0 ? "(not reported)" : $"{thumbnail.DecodedWidth}×{thumbnail.DecodedHeight}");
            }
        }
        return (samples, cpuSamples, string.Join(", ", decodedAt));
    }
}

using System.Runtime.InteropServices;

namespace RetrievalService.FuzzBench;

/// <summary>What the run was measured on.</summary>
internal sealed record MachineInfo(int LogicalCores, string CpuModel, string Os, string Runtime, string SkiaSharp)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        typeof(SkiaSharp.SKCodec).Assembly.GetName().Version?.ToString() ?? "?");

    /// <summary>The 1-, 5- and 15-minute load averages, as /proc/loadavg has them; "n/a" elsewhere.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public override string ToString() =>
        $"{LogicalCores} logical cores (nproc), {CpuModel}; {Os}; {Runtime}; SkiaSharp {SkiaSharp}";

    private static string ReadCpuModel()
    {
        const string path = "/proc/cpuinfo";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}

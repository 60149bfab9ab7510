using System.Globalization;
using System.Runtime.InteropServices;

namespace RetrievalService.AttackBench;

/// <summary>
/// What the numbers were measured on. Its own small copy: the Bench and FuzzBench records also report the ONNX Runtime
/// and SkiaSharp versions, which would tie this HTTP-only client to native packages it never uses.
/// </summary>
internal sealed record MachineInfo(int LogicalCores, string CpuModel, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount, ReadCpuModel(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg; null where there is none.</summary>
    public static double[]? LoadAverage() => File.Exists("/proc/loadavg")
        ? [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture))]
        : null;

    public static string FormatLoad(double[]? load) =>
        load is null ? "n/a" : string.Join(" / ", load.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));

    public override string ToString() => $"{LogicalCores} logical cores, {CpuModel}; {Os}; {Runtime}";

    private static string ReadCpuModel()
    {
        const string path = "/proc/cpuinfo";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}

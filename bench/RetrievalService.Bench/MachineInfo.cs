using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace RetrievalService.Bench;

/// <summary>What the numbers were measured on; a loaded machine skews multi-thread cells most.</summary>
internal sealed record MachineInfo(int LogicalCores, string CpuModel, string Os, string Runtime, string OnnxRuntime, string OmpNumThreads)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        OrtEnv.Instance().GetVersionString(),
        Environment.GetEnvironmentVariable("OMP_NUM_THREADS") ?? "(unset)");

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg; null where there is none.</summary>
    public static double[]? LoadAverage()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return null;
        }
        return [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
    }

    public static string FormatLoad(double[]? load) => load is null ? "n/a" : string.Join(" / ", load.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));

    public override string ToString() =>
        $"{LogicalCores} logical cores, {CpuModel}; {Os}; {Runtime}; ONNX Runtime {OnnxRuntime}; OMP_NUM_THREADS={OmpNumThreads}";

    private static string ReadCpuModel()
    {
        const string path = "/proc/cpuinfo";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}

using System.Globalization;
using System.Runtime.InteropServices;

namespace RetrievalService.WebBench.Report;

/// <summary>What the numbers were measured on: the browser and the server share these cores.</summary>
internal sealed record BenchMachine(int LogicalCores, string CpuModel, string Os, string Chromium, string OnnxRuntimeWeb)
{
    public static BenchMachine Current(string chromium, string onnxRuntimeWeb) =>
        new(Environment.ProcessorCount, ReadCpuModel(), RuntimeInformation.OSDescription, chromium, onnxRuntimeWeb);

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg; null where there is none.</summary>
    public static double[]? LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture))]
            : null;

    public override string ToString() =>
        $"{LogicalCores} logical cores, {CpuModel}; {Os}; chromium {Chromium}; onnxruntime-web {OnnxRuntimeWeb}";

    private static string ReadCpuModel()
    {
        const string path = "/proc/cpuinfo";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}

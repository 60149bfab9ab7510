using System.Globalization;
using System.Runtime.InteropServices;

namespace RetrievalService.DecodeBench.Report;

/// <summary>What the numbers were measured on, and the library versions that produced them.</summary>
internal sealed record MachineInfo(int LogicalCores, string CpuModel, string Os, string Kernel, string Runtime, string OmpNumThreads)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        ReadOsName(),
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "n/a",
        RuntimeInformation.FrameworkDescription,
        Environment.GetEnvironmentVariable("OMP_NUM_THREADS") ?? "(unset)");

    /// <summary>The 1-, 5- and 15-minute load averages, e.g. <c>1.02 / 0.87 / 0.60</c>.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string LibraryVersions() => string.Create(CultureInfo.InvariantCulture,
        $"SixLabors.ImageSharp {Version(typeof(SixLabors.ImageSharp.Image))}; SkiaSharp {Version(typeof(SkiaSharp.SKCodec))} " +
        $"(native Skia {SkiaSharp.SkiaSharpVersion.Native}); NetVips {Version(typeof(NetVips.Image))} " +
        $"(libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)})");

    private static string Version(Type type)
    {
        var informational = type.Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        // Package builds append "+<commit>", and some write four parts (3.2.0.0); the package version is the part a reader can look up.
        var version = informational?.Split('+')[0] ?? type.Assembly.GetName().Version?.ToString() ?? "?";
        return version.Count(c => c == '.') == 3 && version.EndsWith(".0", StringComparison.Ordinal) ? version[..^2] : version;
    }

    private static string ReadCpuModel()
    {
        const string path = "/proc/cpuinfo";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string ReadOsName()
    {
        const string path = "/etc/os-release";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) : null;
        return line?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
    }
}

using System.Globalization;

namespace RetrievalService.DecodeBench.Measurement;

/// <summary>
/// Resident memory of this process from <c>/proc/self/status</c>: native and managed alike, which is the point,
/// since Skia and libvips allocate outside the GC heap.
/// </summary>
internal static class MemoryProbe
{
    public static long ResidentBytes() => StatusBytes("VmRSS:");

    /// <summary>The high-water mark of the resident set since start or since the last <see cref="ResetPeak"/>.</summary>
    public static long PeakResidentBytes() => StatusBytes("VmHWM:");

    /// <summary>
    /// Sets the high-water mark back to the current resident set (writing 5 to <c>clear_refs</c>, Linux 4.0+);
    /// false where the kernel refuses, and the peak then includes start-up.
    /// </summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long StatusBytes(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/self/status has no {key} line.");
        var kilobytes = line[key.Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}

using System.Globalization;

namespace RetrievalService.Fuzzing.Running;

/// <summary>
/// Linux resident-set readings from /proc/self/status. Writing 5 to /proc/self/clear_refs resets the peak (VmHWM) to
/// the current RSS (https://docs.kernel.org/filesystems/proc.html), which turns the peak into a per-input measure of
/// memory the decoder touched, native allocations included. Null everywhere else.
/// </summary>
public static class ResidentMemory
{
    private const string StatusPath = "/proc/self/status";
    private const string ClearRefsPath = "/proc/self/clear_refs";

    public static bool IsAvailable { get; } = File.Exists(StatusPath) && CanResetPeak();

    /// <summary>Resets the peak and returns the current resident set in bytes.</summary>
    public static long? ResetPeak()
    {
        if (!IsAvailable)
        {
            return null;
        }
        File.WriteAllText(ClearRefsPath, "5");
        return Read("VmRSS:");
    }

    /// <summary>The peak resident set since the last reset (or since the process started), in bytes.</summary>
    public static long? Peak() => File.Exists(StatusPath) ? Read("VmHWM:") : null;

    private static long? Read(string field)
    {
        foreach (var line in File.ReadLines(StatusPath))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        return null;
    }

    private static bool CanResetPeak()
    {
        try
        {
            File.WriteAllText(ClearRefsPath, "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

using System.Runtime.InteropServices;

namespace RetrievalService.DecodeBench.Measurement;

/// <summary>
/// CPU time of the whole process (all threads, so libvips' worker counts too) from <c>CLOCK_PROCESS_CPUTIME_ID</c>.
/// Unlike wall-clock time it barely moves when other jobs share the cores, which on a shared VM they do.
/// </summary>
internal static partial class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    public static double Milliseconds()
    {
        if (clock_gettime(ClockProcessCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed with errno {Marshal.GetLastPInvokeError()}.");
        }
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}

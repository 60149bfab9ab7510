using System.Globalization;

namespace RetrievalService.ScaleBench;

/// <summary>
/// CPU seconds (user + system) a process has used, read from <c>/proc</c>; for a PostgreSQL postmaster also its
/// children (the backends serving the API's pooled connections, and the exited ones it has reaped).
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ, the unit of /proc/<pid>/stat's times, is 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static double Seconds(int pid, bool withChildren)
    {
        var own = Fields(pid);
        if (own is null)
        {
            return 0;
        }
        // Fields after the command name: [1] ppid, [11] utime, [12] stime, [13] cutime (reaped children), [14] cstime.
        var ticks = Ticks(own, 11) + Ticks(own, 12);
        if (withChildren)
        {
            ticks += Ticks(own, 13) + Ticks(own, 14);
            foreach (var child in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(child), out var childPid) && Fields(childPid) is { } fields
                    && Ticks(fields, 1) == pid)
                {
                    ticks += Ticks(fields, 11) + Ticks(fields, 12);
                }
            }
        }
        return ticks / TicksPerSecond;
    }

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces; the numeric fields follow the last ')'.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}

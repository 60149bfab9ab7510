using System.Globalization;
using System.Net;

namespace RetrievalService.AttackBench;

/// <summary>Resident memory of the API process, from /proc: VmRSS now, and VmHWM (the kernel's own peak of VmRSS).</summary>
internal sealed class ApiProcessMemory(int pid)
{
    public int Pid { get; } = pid;

    /// <summary>The process given by --pid, else the one listening on the URL's port when the URL is this machine; null otherwise.</summary>
    public static ApiProcessMemory? Find(BenchSettings settings)
    {
        if (settings.Pid is { } pid)
        {
            return new ApiProcessMemory(pid);
        }
        var local = settings.Url.IsLoopback || IPAddress.TryParse(settings.Url.Host, out var address) && IPAddress.IsLoopback(address);
        return local && ListeningProcess(settings.Url.Port) is { } found ? new ApiProcessMemory(found) : null;
    }

    public long? RssKiB() => Read("VmRSS:");

    public long? PeakRssKiB() => Read("VmHWM:");

    /// <summary>Resets VmHWM to the current VmRSS (Linux's clear_refs value 5; the process's owner or root only).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{Pid}/clear_refs", "5");

    /// <summary>Samples VmRSS every 100 ms until stopped and returns the largest value seen (KiB).</summary>
    public async Task<long?> SamplePeakAsync(CancellationToken stop)
    {
        long? peak = null;
        while (!stop.IsCancellationRequested)
        {
            if (RssKiB() is { } rss && (peak is null || rss > peak))
            {
                peak = rss;
            }
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return peak;
    }

    private long? Read(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
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

    // The socket inode of the listener (from /proc/net/tcp and tcp6), then the process holding a descriptor to it.
    private static int? ListeningProcess(int port)
    {
        const string listen = "0A";
        var inodes = new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists)
            .SelectMany(path => File.ReadLines(path).Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 9 && f[3] == listen && int.Parse(f[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
            .Select(f => $"socket:[{f[9]}]")
            .ToHashSet();
        if (inodes.Count == 0)
        {
            return null;
        }
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's process, or one that just exited.
            }
        }
        return null;
    }
}

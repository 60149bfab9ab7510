using System.Diagnostics;

namespace RetrievalService.TestSupport;

/// <summary>
/// The project's database scripts (<c>scripts/db.sh</c>, <c>scripts/db-replicas.sh</c>) run on a data folder of a test's
/// own, so a test can stop and start servers without disturbing the shared cluster other tests use.
/// </summary>
public static class ClusterScripts
{
    /// <summary>A new temporary data folder the `postgres` account can enter (the servers run as it when the tests run as root).</summary>
    public static string CreateDataDir(string prefix)
    {
        var dir = Directory.CreateTempSubdirectory(prefix).FullName;
        // Temporary folders are private to their creator (0700).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        return dir;
    }

    /// <summary>Runs <c>scripts/<paramref name="script"/></c> on <paramref name="dataDir"/> and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">The script failed; the message carries its standard error.</exception>
    public static async Task<string> RunAsync(string dataDir, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DATA_DIR"] = dataDir, ["RETRIEVAL_DB"] = "" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/{script} {string.Join(' ', arguments)} failed: {await stderr}");
        }
        return (await stdout).Trim();
    }
}

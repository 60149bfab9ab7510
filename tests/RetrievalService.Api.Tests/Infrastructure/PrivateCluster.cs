using System.Diagnostics;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL + pgvector cluster of its own (<c>scripts/db.sh</c> with a temporary <c>DATA_DIR</c>), so a test can stop
/// and start the server without disturbing the shared cluster other test classes use.
/// </summary>
internal sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string dataDir = CreateDataDir();

    public string ConnectionString { get; private set; } = "";

    public async Task StartAsync() => ConnectionString = (await DbAsync("start")).Split('\n')[^1].Trim();

    public Task StopAsync() => DbAsync("stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DbAsync("stop");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    // Temporary folders are private to their creator (0700); the server runs as `postgres` when the tests run as root.
    private static string CreateDataDir()
    {
        var dir = Directory.CreateTempSubdirectory("api-pg-").FullName;
        if (OperatingSystem.IsWindows())
        {
            return dir;
        }
        File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return dir;
    }

    private async Task<string> DbAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "db.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DATA_DIR"] = dataDir, ["RETRIEVAL_DB"] = "" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"scripts/db.sh {command} failed: {await stderr}");
        return (await stdout).Trim();
    }
}

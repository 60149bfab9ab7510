using System.Diagnostics;

namespace RetrievalService.Storage;

/// <summary>
/// Finds the database for tools and tests: the <c>RETRIEVAL_DB</c> connection string when set, otherwise the
/// private cluster that <c>scripts/db.sh start</c> creates (and starts) under the repository's data folder.
/// </summary>
public static class LocalDatabase
{
    /// <summary>Environment variable holding a connection string to use instead of the private cluster.</summary>
    public const string EnvironmentVariable = "RETRIEVAL_DB";

    /// <summary>
    /// <c>RETRIEVAL_DB</c> if set; else runs <c>scripts/db.sh start</c> of the repository above
    /// <paramref name="startDirectory"/> (default: the app's base directory) and returns the string it prints.
    /// </summary>
    /// <exception cref="InvalidOperationException">No repository was found, or the script failed (its stderr is in the message).</exception>
    public static async Task<string> ResolveConnectionStringAsync(string? startDirectory = null, CancellationToken cancellationToken = default)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var root = FindRepositoryRoot(startDirectory ?? AppContext.BaseDirectory);
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "db.sh"), "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash for scripts/db.sh.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout).Trim();
        if (process.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException(
                $"scripts/db.sh start failed (exit {process.ExitCode}); set {EnvironmentVariable} to use an existing server. " +
                $"Its output:\n{(await stderr).Trim()}");
        }
        return output.Split('\n')[^1].Trim();
    }

    /// <summary>The nearest directory at or above <paramref name="startDirectory"/> holding <c>RetrievalService.sln</c>.</summary>
    public static string FindRepositoryRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetrievalService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            $"No RetrievalService.sln above {startDirectory}; set {EnvironmentVariable} to a PostgreSQL connection string.");
    }
}

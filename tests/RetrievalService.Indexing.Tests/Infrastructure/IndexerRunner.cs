using System.Diagnostics;
using System.Text.Json;

namespace RetrievalService.Indexing.Tests.Infrastructure;

/// <summary>Runs the <c>indexer</c> CLI against one schema: in-process, or as a child process that a test can kill.</summary>
public sealed partial class IndexerRunner(string schema)
{
    public string Schema { get; } = schema;

    /// <summary>Variables set for child processes on top of the configuration, e.g. a Kubernetes pod's <c>JOB_COMPLETION_INDEX</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Runs <c>indexer args…</c> in this process with ORT on one thread; returns the exit code.</summary>
    public async Task<int> RunAsync(params string[] args) =>
        await IndexerApp.RunAsync(args, new Dictionary<string, string?>
        {
            ["GalleryStore:ConnectionString"] = await TestDatabase.ConnectionStringAsync(),
            ["GalleryStore:Schema"] = Schema,
            ["Embedding:Inference:IntraOpThreads"] = "1",
            ["Models:Directory"] = RepoPaths.Models,
        });

    /// <summary>
    /// Child processes run as an unprivileged user (nobody, through util-linux's <c>setpriv</c>) when the tests run as root,
    /// who reads any file whatever its permissions: so a folder made unreadable with chmod is unreadable to the indexer too.
    /// </summary>
    public bool Unprivileged { get; init; }

    /// <summary>Starts <c>dotnet indexer.dll args…</c> with stderr redirected, configured through the environment.</summary>
    public async Task<Process> StartChildAsync(params string[] args)
    {
        var dropPrivileges = Unprivileged && System.Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(dropPrivileges ? "setpriv" : "dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (dropPrivileges)
        {
            foreach (var arg in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet"])
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["HOME"] = Path.GetTempPath();
        }
        start.ArgumentList.Add(TestPaths.IndexerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["GalleryStore__ConnectionString"] = await TestDatabase.ConnectionStringAsync();
        start.Environment["GalleryStore__Schema"] = Schema;
        start.Environment["Embedding__Inference__IntraOpThreads"] = "1";
        start.Environment["Models__Directory"] = RepoPaths.Models;
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Runs <c>dotnet indexer.dll args…</c> to its end (at most a minute), as a script would; stdout and stderr as written.</summary>
    public async Task<(int Exit, string Stdout, string Stderr)> RunChildAsync(params string[] args)
    {
        using var child = await StartChildAsync(args);
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"The indexer did not finish within a minute:\n{await stderr}");
        }
        return (child.ExitCode, await stdout, await stderr);
    }

    /// <summary>The <c>--report</c> file as a JSON document.</summary>
    public static JsonElement ReadReport(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>The reason the report gives for item <paramref name="id"/> (null for one stored or unchanged).</summary>
    public static string? ReportReason(JsonElement report, string id) =>
        report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id).GetProperty("reason").GetString();

    /// <summary>Report items by id: (status, code, source).</summary>
    public static Dictionary<string, (string Status, string? Code, string Source)> ReportItems(JsonElement report) =>
        report.GetProperty("items").EnumerateArray().ToDictionary(
            i => i.GetProperty("id").GetString()!,
            i => (i.GetProperty("status").GetString()!, i.GetProperty("code").GetString(), i.GetProperty("source").GetString()!));
}

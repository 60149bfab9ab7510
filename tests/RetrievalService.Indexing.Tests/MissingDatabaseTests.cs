using System.Diagnostics;
using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary>Without a configured database the CLI refuses to run, saying which setting is missing, and starts nothing itself.</summary>
public sealed class MissingDatabaseTests
{
    [Fact]
    public async Task No_connection_string_exits_2_naming_the_setting_and_where_to_get_one()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(TestPaths.IndexerDll);
        start.ArgumentList.Add("keys");
        start.ArgumentList.Add("list");
        start.Environment.Remove("GalleryStore__ConnectionString");
        // RETRIEVAL_DB belongs to the scripts and the tests: the CLI must not take it as a fallback.
        start.Environment[TestDatabase.EnvironmentVariable] = await TestDatabase.ConnectionStringAsync();
        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await child.WaitForExitAsync(timeout.Token);

        Assert.Equal(ExitCodes.InputError, child.ExitCode);
        Assert.Equal("", await stdout);
        Assert.Contains("indexer: ", await stderr, StringComparison.Ordinal);
        Assert.Contains("GalleryStore:ConnectionString is not set", await stderr, StringComparison.Ordinal);
        Assert.Contains("scripts/db.sh start", await stderr, StringComparison.Ordinal);
    }
}

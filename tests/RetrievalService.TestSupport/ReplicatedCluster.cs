using Npgsql;

namespace RetrievalService.TestSupport;

/// <summary>
/// A primary with streaming standbys, all of their own (<c>scripts/db.sh</c> and <c>scripts/db-replicas.sh</c> with a
/// temporary <c>DATA_DIR</c>), so a test can stop any node without disturbing the shared cluster other tests use.
/// </summary>
public sealed class ReplicatedCluster : IAsyncDisposable
{
    private readonly string dataDir;

    private ReplicatedCluster(string dataDir) => this.dataDir = dataDir;

    /// <summary>The primary, for writes.</summary>
    public string PrimaryConnectionString { get; private set; } = "";

    /// <summary>The standbys, then the primary (scripts/db-replicas.sh's read connection string).</summary>
    public string ReadConnectionString { get; private set; } = "";

    public int PrimaryPort => new NpgsqlConnectionStringBuilder(PrimaryConnectionString).Port;

    /// <summary>The standbys' ports, standby 1 first.</summary>
    public IReadOnlyList<int> StandbyPorts { get; private set; } = [];

    /// <summary>Creates and starts the primary and <paramref name="standbys"/> standbys (1 or 2).</summary>
    public static async Task<ReplicatedCluster> StartAsync(int standbys = 2)
    {
        var cluster = new ReplicatedCluster(ClusterScripts.CreateDataDir("replicas-pg-"));
        try
        {
            cluster.PrimaryConnectionString = LastLine(await cluster.RunAsync("db.sh", "start"));
            cluster.ReadConnectionString = LastLine(await cluster.RunAsync("db-replicas.sh", "start", standbys.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            cluster.StandbyPorts = Enumerable.Range(1, standbys)
                .Select(i => int.Parse(File.ReadAllText(Path.Combine(cluster.dataDir, $"pg-standby-{i}", "port")).Trim(), System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public Task StopStandbyAsync(int standby) => RunAsync("db-replicas.sh", "stop", standby.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Starts whichever standbys are stopped.</summary>
    public Task StartStandbysAsync() => RunAsync("db-replicas.sh", "start", StandbyPorts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StopPrimaryAsync() => RunAsync("db.sh", "stop");

    public Task StartPrimaryAsync() => RunAsync("db.sh", "start");

    /// <summary>Makes every standby apply commits <paramref name="milliseconds"/> late (0: at once), as a loaded replica would.</summary>
    public async Task SetReplayDelayAsync(int milliseconds)
    {
        foreach (var port in StandbyPorts)
        {
            await ScalarAsync(port, $"ALTER SYSTEM SET recovery_min_apply_delay = '{milliseconds}ms'");
            await ScalarAsync(port, "SELECT pg_reload_conf()");
        }
    }

    /// <summary>Returns once every running standby has replayed everything the primary had written when this was called.</summary>
    public async Task WaitForStandbysAsync()
    {
        var position = await ScalarAsync(PrimaryPort, "SELECT pg_current_wal_flush_lsn()::text");
        foreach (var port in StandbyPorts)
        {
            for (var waited = 0; (bool)(await ScalarAsync(port, $"SELECT coalesce(pg_last_wal_replay_lsn() < '{position}', true)"))!; waited += 20)
            {
                if (waited > 30_000)
                {
                    throw new TimeoutException($"The standby on port {port} has not replayed {position} within 30 s.");
                }
                await Task.Delay(20);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("db-replicas.sh", "stop");
            await RunAsync("db.sh", "stop");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private async Task<object?> ScalarAsync(int port, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PrimaryConnectionString) { Port = port, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static string LastLine(string output) => output.Split('\n')[^1].Trim();

    private Task<string> RunAsync(string script, params string[] arguments) => ClusterScripts.RunAsync(dataDir, script, arguments);
}

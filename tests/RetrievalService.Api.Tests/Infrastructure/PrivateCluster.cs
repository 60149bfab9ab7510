namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL + pgvector cluster of its own (<c>scripts/db.sh</c> with a temporary <c>DATA_DIR</c>), so a test can stop
/// and start the server without disturbing the shared cluster other test classes use.
/// </summary>
internal sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string dataDir = ClusterScripts.CreateDataDir("api-pg-");

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

    private Task<string> DbAsync(string command) => ClusterScripts.RunAsync(dataDir, "db.sh", command);
}

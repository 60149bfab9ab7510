using Npgsql;

namespace RetrievalService.ScaleBench;

/// <summary>
/// Server settings for the HNSW build only, passed in the build connection's startup options: the cluster's own
/// configuration (and every other connection) keeps its values.
/// </summary>
internal sealed record BuildSettings(string MaintenanceWorkMem, int ParallelMaintenanceWorkers)
{
    public string ConnectionString(string baseConnectionString) => new NpgsqlConnectionStringBuilder(baseConnectionString)
    {
        Options = $"-c maintenance_work_mem={MaintenanceWorkMem} -c max_parallel_maintenance_workers={ParallelMaintenanceWorkers}",
    }.ConnectionString;

    /// <summary>The values a build connection actually gets, as the server reports them.</summary>
    public async Task<string> DescribeEffectiveAsync(string baseConnectionString)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(baseConnectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('maintenance_work_mem'), current_setting('max_parallel_maintenance_workers')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"`maintenance_work_mem = {reader.GetString(0)}`, `max_parallel_maintenance_workers = {reader.GetString(1)}`";
    }
}

using System.Diagnostics;
using Npgsql;
using Pgvector;
using Pgvector.Npgsql;
using RetrievalService.StoreBench;

namespace RetrievalService.ScaleBench;

/// <summary>
/// The same gallery in half precision, as a lever measured beside the store rather than through it (the store picks
/// <c>halfvec</c> only above 2000 dimensions): a copy of the ids and vectors cast to <c>halfvec(D)</c>, an HNSW index with
/// the same m, ef_construction and build settings, its sizes, and recall@k by plain SQL with the store's query settings.
/// The copy is dropped afterwards, so that a standby copied later holds what the service uses.
/// </summary>
internal static class HalfvecLever
{
    public sealed record Result(TimeSpan Copy, TimeSpan Build, long TableBytes, long IndexBytes, IReadOnlyList<(int EfSearch, double Recall, double P50Ms)> Recall);

    public static async Task<Result> RunAsync(string connectionString, BuildSettings build, string schema, int dimension,
        IReadOnlyList<float[]> queries, int[][] truth, IReadOnlyList<string> ids, int k, IReadOnlyList<int> efSearch)
    {
        var table = $"\"{schema}\".halfvec_lever";
        var source = $"\"{schema}\".\"{await ItemsTableAsync(connectionString, schema)}\"";
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(connectionString, $"CREATE TABLE {table} AS SELECT id, embedding::halfvec({dimension}) AS embedding FROM {source}");
        var copy = watch.Elapsed;
        watch.Restart();
        await ExecuteAsync(build.ConnectionString(connectionString),
            $"CREATE INDEX halfvec_lever_hnsw ON {table} USING hnsw (embedding halfvec_cosine_ops) WITH (m = 16, ef_construction = 64)");
        var buildTime = watch.Elapsed;
        var (tableBytes, indexBytes) = await SizesAsync(connectionString, schema);
        var recall = new List<(int, double, double)>();
        foreach (var ef in efSearch)
        {
            Progress.Say($"halfvec recall at ef_search={ef}");
            recall.Add(await RecallAsync(connectionString, table, queries, truth, ids, k, ef));
        }
        await ExecuteAsync(connectionString, $"DROP TABLE {table}");
        return new Result(copy, buildTime, tableBytes, indexBytes, recall);
    }

    private static async Task<(int, double, double)> RecallAsync(string connectionString, string table,
        IReadOnlyList<float[]> queries, int[][] truth, IReadOnlyList<string> ids, int k, int ef)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        await using var dataSource = builder.Build();
        await using var connection = await dataSource.OpenConnectionAsync();
        var latencies = new List<double>();
        var found = 0;
        for (var q = 0; q < queries.Count; q++)
        {
            var watch = Stopwatch.StartNew();
            await using var tx = await connection.BeginTransactionAsync();
            // The store's approximate-query settings, transaction-local as it sets them.
            await using (var set = new NpgsqlCommand(
                $"SET LOCAL hnsw.ef_search = {ef}; SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL enable_seqscan = off", connection, tx))
            {
                await set.ExecuteNonQueryAsync();
            }
            await using var search = new NpgsqlCommand(
                $"SELECT id FROM {table} ORDER BY embedding <=> @q::halfvec LIMIT @k", connection, tx);
            search.Parameters.AddWithValue("q", new Vector(queries[q]));
            search.Parameters.AddWithValue("k", k);
            var expected = truth[q].Select(i => ids[i]).ToHashSet(StringComparer.Ordinal);
            await using (var reader = await search.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    found += expected.Contains(reader.GetString(0)) ? 1 : 0;
                }
            }
            await tx.CommitAsync();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (ef, found / (double)(k * queries.Count), Percentiles.Of(latencies, 50));
    }

    private static async Task<string> ItemsTableAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind = 'r' AND c.relname LIKE 'items%'
            """, connection);
        command.Parameters.AddWithValue("schema", schema);
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No items table in {schema}.");
    }

    private static async Task<(long Table, long Index)> SizesAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT pg_total_relation_size(to_regclass(format('%I.halfvec_lever', @schema::text))),
                   pg_relation_size(to_regclass(format('%I.halfvec_lever_hnsw', @schema::text)))
            """, connection);
        command.Parameters.AddWithValue("schema", schema);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0) - reader.GetInt64(1), reader.GetInt64(1));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}

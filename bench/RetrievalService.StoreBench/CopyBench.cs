using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace RetrievalService.StoreBench;

/// <summary>Raw binary COPY into a plain table, no index: the floor under the store's upsert path.</summary>
internal static class CopyBench
{
    public static async Task<TimeSpan> RawCopyAsync(string connectionString, string schema, float[][] vectors)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        await using var dataSource = builder.Build();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS \"{schema}\".raw_copy (id text, embedding vector({vectors[0].Length}))", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        var watch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY \"{schema}\".raw_copy (id, embedding) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < vectors.Length; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync($"v{i:D7}", NpgsqlDbType.Text);
                await writer.WriteAsync(new Vector(vectors[i]), "vector");
            }
            await writer.CompleteAsync();
        }
        return watch.Elapsed;
    }
}

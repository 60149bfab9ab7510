using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>Row counts, sizes and HNSW settings of every registered model's gallery.</summary>
    public async Task<IReadOnlyList<ModelStats>> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var models = await GetModelsAsync(cancellationToken);
        var stats = new List<ModelStats>(models.Count);
        foreach (var model in models)
        {
            stats.Add(await ReadAsync((c, ct) => ReadStatsAsync(c, model, ct), cancellationToken));
        }
        return stats;
    }

    private static async Task<ModelStats> ReadStatsAsync(NpgsqlConnection connection, GalleryModel model, CancellationToken ct)
    {
        var table = SqlNames.ItemsTable(model.Key);
        // to_regclass resolves through the search path, where the gallery schema comes first.
        await using var command = new NpgsqlCommand($"""
            SELECT (SELECT count(*) FROM {table}),
                   pg_total_relation_size(to_regclass(@table)),
                   coalesce(pg_relation_size(to_regclass(@index)), 0),
                   (SELECT array_to_string(reloptions, ', ') FROM pg_class WHERE oid = to_regclass(@index)),
                   (SELECT max(updated_at) FROM {table})
            """, connection);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("index", SqlNames.HnswIndex(model.Key));
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ModelStats(model, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
    }
}

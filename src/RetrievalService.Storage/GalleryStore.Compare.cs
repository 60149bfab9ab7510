using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    // Enough ids to act on from a message or a log line; the counts say how many there are.
    private const int ComparisonSampleSize = 10;

    private static async Task<GalleryComparison> CompareAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, GalleryModel live, GalleryModel next, CancellationToken ct)
    {
        var a = SqlNames.ItemsTable(live.Key);
        var b = SqlNames.ItemsTable(next.Key);
        var missing = $"FROM {a} l WHERE NOT EXISTS (SELECT 1 FROM {b} n WHERE n.id = l.id)";
        var stale = $"FROM {a} l JOIN {b} n ON n.id = l.id WHERE n.content_sha256 <> l.content_sha256 OR n.metadata <> l.metadata";
        var extra = $"FROM {b} n WHERE NOT EXISTS (SELECT 1 FROM {a} l WHERE l.id = n.id)";
        await using var command = new NpgsqlCommand($"""
            SELECT (SELECT count(*) FROM {a}), (SELECT count(*) FROM {b}),
                   (SELECT count(*) {missing}), (SELECT count(*) {stale}), (SELECT count(*) {extra}),
                   ARRAY(SELECT l.id {missing} ORDER BY l.id LIMIT {ComparisonSampleSize}),
                   ARRAY(SELECT l.id {stale} ORDER BY l.id LIMIT {ComparisonSampleSize}),
                   ARRAY(SELECT n.id {extra} ORDER BY n.id LIMIT {ComparisonSampleSize})
            """, connection, tx) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new GalleryComparison(live.ModelId, next.ModelId, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4))
        {
            MissingIds = reader.GetFieldValue<string[]>(5),
            StaleIds = reader.GetFieldValue<string[]>(6),
            ExtraIds = reader.GetFieldValue<string[]>(7),
        };
    }
}

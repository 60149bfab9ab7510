using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using RetrievalService.Storage.Database;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>
    /// Replaces the metadata of stored items whose content hash is still the given one, leaving their vectors alone: an
    /// indexer that finds the same bytes under an id with new metadata updates the metadata without embedding again.
    /// Rows whose hash differs, or whose metadata is already equal, are not touched.
    /// </summary>
    /// <returns>The ids whose metadata was replaced.</returns>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task<IReadOnlySet<string>> ReplaceMetadataAsync(
        string modelId, IReadOnlyList<(string Id, string ContentSha256, JsonObject Metadata)> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var model = await ModelAsync(modelId, cancellationToken);
        if (items.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
        return await _retry.WriteAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"""
                UPDATE {SqlNames.ItemsTable(model.Key)} AS t SET metadata = u.metadata::jsonb, updated_at = now()
                FROM unnest(@ids, @hashes, @metadata) AS u(id, content_sha256, metadata)
                WHERE t.id = u.id AND t.content_sha256 = u.content_sha256 AND t.metadata IS DISTINCT FROM u.metadata::jsonb
                RETURNING t.id
                """, connection);
            command.Parameters.AddWithValue("ids", items.Select(i => i.Id).ToArray());
            command.Parameters.AddWithValue("hashes", items.Select(i => i.ContentSha256).ToArray());
            command.Parameters.AddWithValue("metadata", NpgsqlDbType.Array | NpgsqlDbType.Text, items.Select(i => JsonMetadata.ToJson(i.Metadata)).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            var updated = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                updated.Add(reader.GetString(0));
            }
            return (IReadOnlySet<string>)updated;
        }, cancellationToken);
    }
}

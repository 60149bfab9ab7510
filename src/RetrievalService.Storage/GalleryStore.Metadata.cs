using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>
    /// Updates the source and, where given, the metadata of stored items whose content hash is still the given one, leaving
    /// their vectors alone: an indexer that finds the same bytes under an id with a new source or new metadata updates the
    /// row without embedding again. Rows whose hash differs, or whose source and metadata are already as given, are not
    /// touched.
    /// </summary>
    /// <param name="modelId">The model whose gallery holds the items.</param>
    /// <param name="items">Each id with its content hash, source, and metadata (null: keep the stored metadata).</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The ids whose row changed.</returns>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public Task<IReadOnlySet<string>> UpdateDescriptionsAsync(
        string modelId, IReadOnlyList<(string Id, string ContentSha256, string Source, JsonObject? Metadata)> items, CancellationToken cancellationToken = default)
    {
        return UpdateWhereContentUnchangedAsync(modelId, items, i => i.Id, i => i.ContentSha256,
            table => $"""
                UPDATE {table} AS t
                SET source = u.source, metadata = COALESCE(u.metadata::jsonb, t.metadata), updated_at = now()
                FROM unnest(@ids, @hashes, @sources, @metadata) AS u(id, content_sha256, source, metadata)
                WHERE t.id = u.id AND t.content_sha256 = u.content_sha256
                  AND (t.source IS DISTINCT FROM u.source OR (u.metadata IS NOT NULL AND t.metadata IS DISTINCT FROM u.metadata::jsonb))
                RETURNING t.id
                """,
            parameters =>
            {
                parameters.AddWithValue("sources", items.Select(i => i.Source).ToArray());
                parameters.AddWithValue("metadata", NpgsqlDbType.Array | NpgsqlDbType.Text,
                    items.Select(i => i.Metadata is null ? null : JsonMetadata.ToJson(i.Metadata)).ToArray());
            },
            cancellationToken);
    }

    /// <summary>
    /// Replaces the metadata of <paramref name="id"/> (its vector, content and thumbnail stay); <c>updated_at</c> moves only
    /// when the metadata differs. False when the id is not stored.
    /// </summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task<bool> ReplaceMetadataAsync(string modelId, string id, JsonObject metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var model = await ModelAsync(modelId, cancellationToken);
        ItemValidation.Id(id);
        return await _retry.WriteAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"""
                UPDATE {SqlNames.ItemsTable(model.Key)}
                SET metadata = @metadata, updated_at = CASE WHEN metadata IS DISTINCT FROM @metadata THEN now() ELSE updated_at END
                WHERE id = @id
                """, connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("metadata", NpgsqlDbType.Jsonb, JsonMetadata.ToJson(metadata));
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);
    }
}

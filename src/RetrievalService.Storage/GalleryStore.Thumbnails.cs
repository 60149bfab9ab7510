using Npgsql;
using NpgsqlTypes;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>The row's thumbnail (its <see cref="StoredThumbnail.Jpeg"/> null when it has none), or null when the id is not stored.</summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task<StoredThumbnail?> GetThumbnailAsync(string modelId, string id, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(modelId, cancellationToken);
        ItemValidation.Id(id);
        return await ReadAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT id, content_sha256, thumbnail FROM {SqlNames.ItemsTable(model.Key)} WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }
            return new StoredThumbnail(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2));
        }, cancellationToken);
    }

    /// <summary>
    /// Stores thumbnails of rows that have none and still hold the given content, leaving everything else (vector,
    /// metadata, <c>updated_at</c>) alone: how an indexer completes a gallery indexed before thumbnails without embedding again.
    /// </summary>
    /// <returns>The ids that got their thumbnail.</returns>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public Task<IReadOnlySet<string>> AddThumbnailsAsync(
        string modelId, IReadOnlyList<(string Id, string ContentSha256, byte[] Thumbnail)> items, CancellationToken cancellationToken = default)
    {
        return UpdateWhereContentUnchangedAsync(modelId, items, i => i.Id, i => i.ContentSha256,
            table => $"""
                UPDATE {table} AS t SET thumbnail = u.thumbnail
                FROM unnest(@ids, @hashes, @thumbnails) AS u(id, content_sha256, thumbnail)
                WHERE t.id = u.id AND t.content_sha256 = u.content_sha256 AND t.thumbnail IS NULL
                RETURNING t.id
                """,
            parameters => parameters.AddWithValue("thumbnails", NpgsqlDbType.Array | NpgsqlDbType.Bytea, items.Select(i => i.Thumbnail).ToArray()),
            cancellationToken);
    }
}

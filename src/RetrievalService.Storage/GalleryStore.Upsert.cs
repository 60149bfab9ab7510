using NpgsqlTypes;
using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    // A row is rewritten only when something differs, so re-indexing unchanged images writes nothing and keeps
    // updated_at; `xmax = 0` is true only for rows this statement inserted. A thumbnail follows the content: new content
    // takes the new one (or none), the same content keeps the stored one unless the row had none.
    private const string UpsertConflictClause = """
        ON CONFLICT (id) DO UPDATE SET
            content_sha256 = excluded.content_sha256, source = excluded.source,
            metadata = excluded.metadata, embedding = excluded.embedding, updated_at = now(),
            thumbnail = CASE WHEN excluded.thumbnail IS NOT NULL OR t.content_sha256 <> excluded.content_sha256
                THEN excluded.thumbnail ELSE t.thumbnail END
        WHERE (t.content_sha256, t.source, t.metadata, t.embedding)
            IS DISTINCT FROM (excluded.content_sha256, excluded.source, excluded.metadata, excluded.embedding)
            OR (t.thumbnail IS NULL AND excluded.thumbnail IS NOT NULL)
        RETURNING t.id, (t.xmax = 0) AS inserted
        """;

    /// <summary>Inserts or replaces one item of <paramref name="modelId"/>'s gallery.</summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    /// <exception cref="Errors.DimensionMismatchException">The embedding's length is not the model's dimension.</exception>
    /// <exception cref="Errors.InvalidGalleryItemException">The id, hash, source or vector is invalid.</exception>
    public async Task<UpsertOutcome> UpsertAsync(string modelId, GalleryItem item, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(modelId, cancellationToken);
        ItemValidation.Item(model, item);
        return await _retry.WriteAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"""
                INSERT INTO {SqlNames.ItemsTable(model.Key)} AS t (id, model_id, content_sha256, source, metadata, embedding, thumbnail)
                VALUES (@id, @model_id, @content_sha256, @source, @metadata, @embedding, @thumbnail)
                {UpsertConflictClause}
                """, connection);
            command.Parameters.AddWithValue("id", item.Id);
            command.Parameters.AddWithValue("model_id", model.ModelId);
            command.Parameters.AddWithValue("content_sha256", item.ContentSha256);
            command.Parameters.AddWithValue("source", item.Source);
            command.Parameters.AddWithValue("metadata", NpgsqlDbType.Jsonb, JsonMetadata.ToJson(item.Metadata));
            command.Parameters.AddWithValue("embedding", EmbeddingValues.ToDbValue(model.Kind, item.Embedding));
            command.Parameters.AddWithValue("thumbnail", NpgsqlDbType.Bytea, (object?)item.Thumbnail ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return UpsertOutcome.Unchanged;
            }
            return reader.GetBoolean(1) ? UpsertOutcome.Inserted : UpsertOutcome.Updated;
        }, cancellationToken);
    }
}

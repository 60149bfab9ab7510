using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>
    /// Inserts or replaces a batch in one transaction: binary COPY into a temporary staging table, then one
    /// <c>INSERT … ON CONFLICT</c>. Either every item is committed, with its outcome reported, or none is.
    /// </summary>
    /// <exception cref="InvalidGalleryItemException">An item is invalid, or an id occurs twice in the batch.</exception>
    /// <exception cref="DimensionMismatchException">An embedding's length is not the model's dimension.</exception>
    /// <exception cref="UnknownModelException">The model is not registered.</exception>
    public async Task<UpsertBatchResult> UpsertManyAsync(
        string modelId, IReadOnlyList<GalleryItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var model = await ModelAsync(modelId, cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            ItemValidation.Item(model, item);
            if (!ids.Add(item.Id))
            {
                // ON CONFLICT cannot touch one row twice in a statement; which copy should win is the caller's call.
                throw new InvalidGalleryItemException(item.Id, "the id occurs more than once in the batch");
            }
        }
        if (items.Count == 0)
        {
            return new UpsertBatchResult([]);
        }
        var watch = Stopwatch.StartNew();
        var written = await _retry.WriteAsync((connection, ct) => CopyAndMergeAsync(connection, model, items, ct), cancellationToken);
        var results = items.Select(i => new UpsertResult(i.Id,
            written.TryGetValue(i.Id, out var inserted) ? (inserted ? UpsertOutcome.Inserted : UpsertOutcome.Updated) : UpsertOutcome.Unchanged)).ToList();
        var batch = new UpsertBatchResult(results);
        StorageLog.BulkUpserted(_logger, items.Count, model.ModelId, batch.Inserted, batch.Updated, batch.Unchanged, watch.ElapsedMilliseconds);
        return batch;
    }

    private static async Task<Dictionary<string, bool>> CopyAndMergeAsync(
        NpgsqlConnection connection, GalleryModel model, IReadOnlyList<GalleryItem> items, CancellationToken ct)
    {
        var vectorType = EmbeddingValues.TypeName(model.Kind);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand($"""
            CREATE TEMPORARY TABLE gallery_staging (
                id text NOT NULL, content_sha256 text NOT NULL, source text NOT NULL,
                metadata jsonb NOT NULL, embedding {vectorType}({model.Dimension}) NOT NULL, thumbnail bytea
            ) ON COMMIT DROP
            """, connection, tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY gallery_staging (id, content_sha256, source, metadata, embedding, thumbnail) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var item in items)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(item.Id, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(item.ContentSha256, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(item.Source, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(JsonMetadata.ToJson(item.Metadata), NpgsqlDbType.Jsonb, ct);
                await writer.WriteAsync(EmbeddingValues.ToDbValue(model.Kind, item.Embedding), vectorType, ct);
                if (item.Thumbnail is { } thumbnail)
                {
                    await writer.WriteAsync(thumbnail, NpgsqlDbType.Bytea, ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }
            }
            await writer.CompleteAsync(ct);
        }
        // ORDER BY id: concurrent indexers with overlapping batches then lock rows in the same order (no deadlock).
        await using var merge = new NpgsqlCommand($"""
            INSERT INTO {SqlNames.ItemsTable(model.Key)} AS t (id, model_id, content_sha256, source, metadata, embedding, thumbnail)
            SELECT id, @model_id, content_sha256, source, metadata, embedding, thumbnail FROM gallery_staging ORDER BY id
            {UpsertConflictClause}
            """, connection, tx);
        merge.Parameters.AddWithValue("model_id", model.ModelId);
        var written = new Dictionary<string, bool>(StringComparer.Ordinal);
        await using (var reader = await merge.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                written[reader.GetString(0)] = reader.GetBoolean(1);
            }
        }
        await tx.CommitAsync(ct);
        return written;
    }
}

using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>
    /// Up to <paramref name="limit"/> rows of the model's gallery in byte order of their ids, starting after
    /// <paramref name="after"/> (null: from the first): keyset pages, stable while rows are added or removed elsewhere.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    /// <exception cref="Errors.InvalidGalleryItemException"><paramref name="after"/> is not a valid id.</exception>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task<IReadOnlyList<ImageDescription>> ListAsync(string modelId, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var model = await ModelAsync(modelId, cancellationToken);
        if (after is not null)
        {
            ItemValidation.Id(after);
        }
        // COLLATE "C" orders by bytes, as the _id_bytes index does; the first page has no WHERE so the plan is the same index scan.
        var where = after is null ? "" : """WHERE id COLLATE "C" > @after""";
        return await ReadAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"""
                SELECT id, model_id, content_sha256, source, metadata::text, thumbnail IS NOT NULL, created_at, updated_at
                FROM {SqlNames.ItemsTable(model.Key)} {where}
                ORDER BY id COLLATE "C" LIMIT @limit
                """, connection);
            if (after is not null)
            {
                command.Parameters.AddWithValue("after", after);
            }
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var page = new List<ImageDescription>(Math.Min(limit, 1024));
            while (await reader.ReadAsync(ct))
            {
                page.Add(new ImageDescription(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    JsonMetadata.Parse(reader.GetString(4)), reader.GetBoolean(5),
                    reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)));
            }
            return (IReadOnlyList<ImageDescription>)page;
        }, cancellationToken);
    }
}

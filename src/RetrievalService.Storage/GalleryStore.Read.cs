using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>The stored row, or null when <paramref name="id"/> is not in the model's gallery.</summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public Task<StoredImage?> GetAsync(string modelId, string id, CancellationToken cancellationToken = default) =>
        GetAsync(modelId, id, null, cancellationToken);

    /// <summary>
    /// As <see cref="GetAsync(string, string, CancellationToken)"/>, read where the writes up to <paramref name="after"/>
    /// are visible (see <see cref="SearchRequest.After"/>); null reads from any read node.
    /// </summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task<StoredImage?> GetAsync(string modelId, string id, GalleryPosition? after, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(modelId, cancellationToken);
        ItemValidation.Id(id);
        return await ReadAfterAsync(after, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"""
                SELECT id, model_id, content_sha256, source, metadata::text, embedding, created_at, updated_at, thumbnail IS NOT NULL
                FROM {SqlNames.ItemsTable(model.Key)} WHERE id = @id
                """, connection);
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }
            return new StoredImage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonMetadata.Parse(reader.GetString(4)), EmbeddingValues.FromDbValue(reader.GetValue(5)),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7))
            {
                HasThumbnail = reader.GetBoolean(8),
            };
        }, cancellationToken);
    }

    /// <summary>
    /// Reads at most one row of the model's gallery: proof that its table answers, at a cost that does not grow with the
    /// gallery, as a readiness probe run every few seconds on every instance needs.
    /// </summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task ProbeAsync(string modelId, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(modelId, cancellationToken);
        await ReadAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT 1 FROM {SqlNames.ItemsTable(model.Key)} LIMIT 1", connection);
            return await command.ExecuteScalarAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Rows in the model's gallery.</summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task<long> CountAsync(string modelId, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(modelId, cancellationToken);
        return await ReadAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {SqlNames.ItemsTable(model.Key)}", connection);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }, cancellationToken);
    }

    /// <summary>
    /// Stored content hashes of those <paramref name="ids"/> that exist in the model's gallery, so an indexer can
    /// skip images already embedded by this model before decoding them. Ids not stored are absent.
    /// </summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(
        string modelId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        (await GetStoredContentAsync(modelId, ids, cancellationToken)).ToDictionary(p => p.Key, p => p.Value.ContentSha256, StringComparer.Ordinal);

    /// <summary>
    /// The content hash of those <paramref name="ids"/> that exist in the model's gallery and whether each has a
    /// thumbnail, so an indexer can skip images already embedded and still fill in missing thumbnails. Ids not stored are absent.
    /// </summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task<IReadOnlyDictionary<string, StoredContent>> GetStoredContentAsync(
        string modelId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var model = await ModelAsync(modelId, cancellationToken);
        if (ids.Count == 0)
        {
            return new Dictionary<string, StoredContent>();
        }
        // The primary: an indexer decides from these what to write, so they must be what it wrote last.
        return await _retry.ReadAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT id, content_sha256, thumbnail IS NOT NULL FROM {SqlNames.ItemsTable(model.Key)} WHERE id = ANY(@ids)", connection);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            var stored = new Dictionary<string, StoredContent>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                stored[reader.GetString(0)] = new StoredContent(reader.GetString(1), reader.GetBoolean(2));
            }
            return (IReadOnlyDictionary<string, StoredContent>)stored;
        }, cancellationToken);
    }
}

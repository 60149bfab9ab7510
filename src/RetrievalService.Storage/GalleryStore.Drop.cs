using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Schema;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>
    /// Drops <paramref name="modelId"/>'s gallery (its table, index and registration) for good. The live gallery is
    /// refused: switch first. Other processes that still write to it fail; stop serving the teacher before dropping it.
    /// </summary>
    /// <returns>The number of images the gallery held.</returns>
    /// <exception cref="LiveGalleryException">The gallery is live.</exception>
    /// <exception cref="UnknownModelException">The model is not registered.</exception>
    public async Task<long> DropModelAsync(string modelId, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(modelId, cancellationToken);
        var dropped = await _retry.WriteAsync(async (connection, ct) =>
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await DdlLock.AcquireAsync(connection, tx, ct);
            // Locking the live row holds off a switch to this gallery until the drop commits.
            if (await ReadLiveAsync(connection, tx, forUpdate: true, ct) is { } live && live.ModelId == modelId)
            {
                throw new LiveGalleryException($"The '{modelId}' gallery is live; switch to another teacher's gallery before dropping it.");
            }
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {SqlNames.ItemsTable(model.Key)}", connection, tx);
            var images = (long)(await count.ExecuteScalarAsync(ct))!;
            await using var drop = new NpgsqlCommand(
                $"DROP TABLE {SqlNames.ItemsTable(model.Key)}; DELETE FROM models WHERE model_key = @model_key", connection, tx);
            drop.Parameters.AddWithValue("model_key", model.Key);
            await drop.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return images;
        }, cancellationToken);
        _models.TryRemove(modelId, out _);
        StorageLog.GalleryDropped(_logger, modelId, dropped);
        return dropped;
    }
}

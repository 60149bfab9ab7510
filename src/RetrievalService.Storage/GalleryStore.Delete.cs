using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>Deletes <paramref name="id"/> from the model's gallery; false when it was not there.</summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    public async Task<bool> DeleteAsync(string modelId, string id, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(modelId, cancellationToken);
        ItemValidation.Id(id);
        return await _retry.WriteAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {SqlNames.ItemsTable(model.Key)} WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);
    }
}

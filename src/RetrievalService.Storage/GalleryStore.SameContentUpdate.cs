using Npgsql;
using RetrievalService.Storage.Database;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>
    /// Runs one <c>UPDATE … FROM unnest(@ids, @hashes, …) … RETURNING t.id</c> over the model's items table and returns
    /// the ids it changed. Every change made without embedding again has this shape, because it must touch only rows that
    /// still hold the content the caller saw: a concurrent re-index with new bytes wins over it.
    /// </summary>
    /// <param name="modelId">The model whose gallery holds the items.</param>
    /// <param name="items">The rows to change; none: nothing runs.</param>
    /// <param name="id">An item's id, bound in <c>@ids</c>.</param>
    /// <param name="contentSha256">The content hash the item's row must still hold, bound in <c>@hashes</c>.</param>
    /// <param name="sql">The statement, given the items table's quoted name.</param>
    /// <param name="bindColumns">Binds the statement's other columns.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    private async Task<IReadOnlySet<string>> UpdateWhereContentUnchangedAsync<T>(
        string modelId, IReadOnlyList<T> items, Func<T, string> id, Func<T, string> contentSha256,
        Func<string, string> sql, Action<NpgsqlParameterCollection> bindColumns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var model = await ModelAsync(modelId, cancellationToken);
        if (items.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
        return await _retry.WriteAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(sql(SqlNames.ItemsTable(model.Key)), connection);
            command.Parameters.AddWithValue("ids", items.Select(id).ToArray());
            command.Parameters.AddWithValue("hashes", items.Select(contentSha256).ToArray());
            bindColumns(command.Parameters);
            return await ReturnedIds.ReadAsync(command, ct);
        }, cancellationToken);
    }
}

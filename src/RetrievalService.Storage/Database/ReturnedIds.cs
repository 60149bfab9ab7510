using Npgsql;

namespace RetrievalService.Storage.Database;

/// <summary>The ids an <c>UPDATE … RETURNING id</c> reports: the rows it changed.</summary>
internal static class ReturnedIds
{
    public static async Task<IReadOnlySet<string>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}

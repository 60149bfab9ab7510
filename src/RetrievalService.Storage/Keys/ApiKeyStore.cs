using Npgsql;

namespace RetrievalService.Storage.Keys;

/// <summary>
/// API keys in the gallery's schema (table <c>api_keys</c>): created with a secret shown once, listed, revoked, and
/// checked. Revoked keys stay listed, so an operator can still see who held what.
/// </summary>
public sealed class ApiKeyStore(GalleryStore store)
{
    private const int MaxNameLength = 100;

    /// <summary>Creates a key; the returned secret's <see cref="ApiKeySecret.Token"/> exists nowhere else afterwards.</summary>
    /// <exception cref="InvalidApiKeyRequestException">The name is empty, too long or has control characters, or the scopes are invalid.</exception>
    public async Task<(ApiKey Key, ApiKeySecret Secret)> CreateAsync(string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        var checkedScopes = ApiKeyScopes.Normalize(scopes);
        var secret = ApiKeySecret.Generate();
        await store.EnsureSchemaAsync(cancellationToken);
        var created = await store.Retry.WriteAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO api_keys (key_id, name, secret_sha256, scopes) VALUES (@id, @name, @hash, @scopes) RETURNING created_at", connection);
            command.Parameters.AddWithValue("id", secret.Id);
            command.Parameters.AddWithValue("name", name);
            command.Parameters.AddWithValue("hash", secret.SecretSha256);
            command.Parameters.AddWithValue("scopes", checkedScopes.ToArray());
            return (DateTime)(await command.ExecuteScalarAsync(ct))!;
        }, cancellationToken);
        return (new ApiKey(secret.Id, name, checkedScopes, new DateTimeOffset(created, TimeSpan.Zero), null), secret);
    }

    /// <summary>Every key, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await store.EnsureSchemaAsync(cancellationToken);
        return await store.Retry.ReadAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT key_id, name, scopes, created_at, revoked_at FROM api_keys ORDER BY created_at DESC, key_id", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var keys = new List<ApiKey>();
            while (await reader.ReadAsync(ct))
            {
                keys.Add(Read(reader));
            }
            return (IReadOnlyList<ApiKey>)keys;
        }, cancellationToken);
    }

    /// <summary>Revokes a key by id; false when no active key has that id.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        await store.EnsureSchemaAsync(cancellationToken);
        return await store.Retry.WriteAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "UPDATE api_keys SET revoked_at = now() WHERE key_id = @id AND revoked_at IS NULL", connection);
            command.Parameters.AddWithValue("id", keyId);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);
    }

    /// <summary>The key a client presented, when its secret matches; revoked keys are returned too (the caller refuses them).</summary>
    public async Task<ApiKey?> FindAsync(ApiKeySecret presented, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presented);
        await store.EnsureSchemaAsync(cancellationToken);
        return await store.Retry.ReadAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT key_id, name, scopes, created_at, revoked_at, secret_sha256 FROM api_keys WHERE key_id = @id", connection);
            command.Parameters.AddWithValue("id", presented.Id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) && presented.Matches(reader.GetFieldValue<byte[]>(5)) ? Read(reader) : null;
        }, cancellationToken);
    }

    private static ApiKey Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetFieldValue<string[]>(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));

    private static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new InvalidApiKeyRequestException($"A key's name is 1..{MaxNameLength} printable characters (who holds it, what for).");
        }
    }
}

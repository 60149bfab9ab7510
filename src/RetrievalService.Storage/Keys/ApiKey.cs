namespace RetrievalService.Storage.Keys;

/// <summary>A stored API key as lists and checks see it: never its secret.</summary>
/// <param name="Id">Public id, the middle part of the key.</param>
/// <param name="Name">What the operator called it (who holds it, what for).</param>
/// <param name="Scopes">What it may do (<see cref="ApiKeyScopes"/>).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; null while it is valid.</param>
public sealed record ApiKey(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the key may still be used.</summary>
    public bool IsActive => RevokedAt is null;

    /// <summary>Whether the key carries <paramref name="scope"/>.</summary>
    public bool Has(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}

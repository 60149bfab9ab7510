namespace RetrievalService.Api.Endpoints;

/// <summary>The body of <c>POST /keys</c>.</summary>
/// <param name="Name">Who holds the key and what for.</param>
/// <param name="Scopes">Any of <c>search</c>, <c>index</c>, <c>admin</c>.</param>
public sealed record CreateKeyRequest(string? Name, IReadOnlyList<string>? Scopes);

/// <summary>A key as lists show it: never its secret.</summary>
/// <param name="Id">Public id (the 12 hex digits after <c>rsk_</c>).</param>
/// <param name="Name">Who holds it.</param>
/// <param name="Scopes">What it may do.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; null while valid.</param>
public sealed record KeyResponse(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A new key: the only answer that ever carries <paramref name="Token"/>.</summary>
/// <param name="Key">The stored key.</param>
/// <param name="Token">The key to send (<c>rsk_…</c>); not retrievable later.</param>
public sealed record CreatedKeyResponse(KeyResponse Key, string Token);

using System.Security.Claims;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Security;

/// <summary>How a checked key becomes the request's user: its id, name and one claim per scope.</summary>
public static class ApiKeyClaims
{
    /// <summary>Claim type of each scope the key carries.</summary>
    public const string Scope = "scope";

    /// <summary>The principal of <paramref name="key"/> under <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal Principal(ApiKey key, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, key.Id), new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.Scopes.Select(scope => new Claim(Scope, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The key id of an authenticated request; null for an anonymous one.</summary>
    public static string? KeyId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}

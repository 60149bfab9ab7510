using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using RetrievalService.Api.Errors;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> against the stored keys. A request
/// without either is anonymous; one that presents anything else (another scheme, a malformed, unknown or revoked key)
/// fails, and is answered 401 even where anonymous calls are allowed: a client that means to use a key must learn it is bad.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header that carries a key for clients that cannot set <c>Authorization</c>.</summary>
    public const string KeyHeader = "X-Api-Key";

    private const string Realm = "Bearer realm=\"retrieval\"";

    private static readonly object RejectedKeyItem = new();

    /// <summary>Whether the request presented a key that failed (the authentication middleware keeps only successes).</summary>
    public static bool RejectedKey(HttpContext http) => http.Items.ContainsKey(RejectedKeyItem);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await CheckPresentedKeyAsync();
        if (result.Failure is not null)
        {
            Context.Items[RejectedKeyItem] = true;
        }
        return result;
    }

    private async Task<AuthenticateResult> CheckPresentedKeyAsync()
    {
        if (PresentedKey() is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }
        if (presented.Problem is { } problem)
        {
            return AuthenticateResult.Fail(problem);
        }
        if (!ApiKeySecret.TryParse(presented.Token, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed; keys look like rsk_<12 hex digits>_<43 characters>.");
        }
        var key = await keys.FindAsync(secret, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail($"No API key with id '{secret.Id}' has this secret.");
        }
        if (!key.IsActive)
        {
            return AuthenticateResult.Fail($"The API key '{key.Id}' was revoked on {key.RevokedAt:yyyy-MM-dd}; ask the operator for a new one.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(ApiKeyClaims.Principal(key, SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        if (failure is null)
        {
            Response.Headers.WWWAuthenticate = Realm;
            await ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "An API key is required.",
                $"Send an API key as 'Authorization: Bearer <key>' or '{KeyHeader}: <key>'; the operator creates keys with 'indexer keys create'.");
            return;
        }
        Response.Headers.WWWAuthenticate = $"{Realm}, error=\"invalid_token\"";
        await ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, ProblemCodes.InvalidKey, "The API key is not valid.", failure);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault(d => d.Policy is not null)?.Policy ?? "?";
        var held = string.Join(", ", Context.User.FindAll(ApiKeyClaims.Scope).Select(c => c.Value));
        Response.Headers.WWWAuthenticate = $"{Realm}, error=\"insufficient_scope\", scope=\"{scope}\"";
        await ProblemWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "The API key lacks a scope.",
            $"This endpoint needs the '{scope}' scope; key '{Context.User.KeyId()}' has: {held}.");
    }

    private (string? Token, string? Problem)? PresentedKey()
    {
        var authorization = Request.Headers.Authorization;
        var apiKey = Request.Headers[KeyHeader];
        if (authorization.Count == 0 && apiKey.Count == 0)
        {
            return null;
        }
        if (authorization.Count > 1 || apiKey.Count > 1)
        {
            return (null, "Send one key, once.");
        }
        string? bearer = null;
        if (authorization.Count == 1)
        {
            var value = authorization[0] ?? "";
            if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return (null, "Only the Bearer scheme is accepted: 'Authorization: Bearer <key>'.");
            }
            bearer = value["Bearer ".Length..].Trim();
        }
        if (bearer is not null && apiKey.Count == 1 && apiKey[0] != bearer)
        {
            return (null, $"'Authorization' and '{KeyHeader}' carry different keys; send one.");
        }
        return (bearer ?? apiKey[0], null);
    }
}

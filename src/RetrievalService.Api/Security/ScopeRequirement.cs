using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Security;

/// <summary>The request's key carries <see cref="Scope"/>; for <c>search</c>, no key at all also passes where configured.</summary>
public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>Decides <see cref="ScopeRequirement"/>; anonymous search needs <see cref="ApiAuthOptions.AllowAnonymousSearch"/> and no rejected key.</summary>
internal sealed class ScopeRequirementHandler(IOptions<ApiAuthOptions> options) : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.HasClaim(ApiKeyClaims.Scope, requirement.Scope) || IsAllowedAnonymousSearch(context, requirement))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    private bool IsAllowedAnonymousSearch(AuthorizationHandlerContext context, ScopeRequirement requirement) =>
        requirement.Scope == ApiKeyScopes.Search
        && options.Value.AllowAnonymousSearch
        && context.User.Identity?.IsAuthenticated != true
        && context.Resource is HttpContext http
        && !ApiKeyAuthenticationHandler.RejectedKey(http);
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Security;

/// <summary>Registers API-key authentication and one authorization policy per scope, named as the scope.</summary>
public static class ApiSecurity
{
    /// <summary>Binds <see cref="ApiAuthOptions"/>; every request is authenticated by <see cref="ApiKeyAuthenticationHandler"/>.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddOptions<ApiAuthOptions>().BindConfiguration(ApiAuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in ApiKeyScopes.All)
        {
            authorization.AddPolicy(scope, policy => policy.AddRequirements(new ScopeRequirement(scope)));
        }
        return services;
    }

    /// <summary>Only callers whose key has <paramref name="scope"/> reach these endpoints (and anonymous ones for search, where allowed).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(scope);
}

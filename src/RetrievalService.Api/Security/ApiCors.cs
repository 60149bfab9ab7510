using RetrievalService.Api.Http;

namespace RetrievalService.Api.Security;

/// <summary>
/// Cross-origin access only for the web origins listed in <c>Api:Cors:Origins</c>; with none listed, browsers keep other
/// sites' pages from reading any answer. Keys travel in headers, never cookies, so no credentials mode is offered.
/// </summary>
public static class ApiCors
{
    /// <summary>The configuration key of the allowed origins (e.g. <c>https://app.example.com</c>).</summary>
    public const string OriginsKey = "Api:Cors:Origins";

    private const string PolicyName = "configured-origins";

    /// <summary>Registers the policy for the configured origins.</summary>
    public static IServiceCollection AddApiCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(OriginsKey).Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(PolicyName, policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Patch, HttpMethods.Delete)
            .WithHeaders("Authorization", ApiKeyAuthenticationHandler.KeyHeader, "Content-Type", RequestIds.Header)
            .WithExposedHeaders("Retry-After", "RateLimit", "RateLimit-Policy", RequestIds.Header, Endpoints.WritePosition.Header)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

    /// <summary>Answers preflights and adds CORS headers for the configured origins only.</summary>
    public static IApplicationBuilder UseApiCors(this IApplicationBuilder app) => app.UseCors(PolicyName);
}

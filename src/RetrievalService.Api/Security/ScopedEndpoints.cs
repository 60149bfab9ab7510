namespace RetrievalService.Api.Security;

/// <summary>
/// Puts endpoints behind a key scope. A scope and its quota always go together: whoever may call an endpoint spends
/// that scope's bucket, so no endpoint is reachable without counting against the caller.
/// </summary>
public static class ScopedEndpoints
{
    /// <summary>Only callers whose key has <paramref name="scope"/> reach these endpoints, and each request counts against that scope's quota.</summary>
    public static TBuilder RequireScopeAndQuota<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireScope(scope).RequireQuota(scope);

    /// <summary>A group under <paramref name="prefix"/>, tagged <paramref name="tag"/> in the OpenAPI document, behind <paramref name="scope"/> and its quota.</summary>
    public static RouteGroupBuilder MapScopedGroup(this IEndpointRouteBuilder endpoints, string prefix, string tag, string scope) =>
        endpoints.MapGroup(prefix).WithTags(tag).RequireScopeAndQuota(scope);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RetrievalService.Api.Security;

/// <summary>
/// Declares the key schemes in the OpenAPI document (<c>bearer</c> and the <c>X-Api-Key</c> header), and on each
/// operation behind a scope: the scope it needs and its 401, 403 and 429 answers.
/// </summary>
internal static class OpenApiSecurity
{
    private const string Bearer = "bearer";
    private const string Header = "apiKey";

    public static OpenApiOptions DeclareApiKeys(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (rsk_…) created with 'indexer keys create'.",
            };
            document.Components.SecuritySchemes[Header] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.KeyHeader,
                Description = "The same key, for clients that cannot set Authorization.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var scope = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().LastOrDefault(d => d.Policy is not null)?.Policy;
            if (scope is null)
            {
                return Task.CompletedTask;
            }
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [scope] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Header, context.Document)] = [scope] },
            ];
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No key, or a malformed, unknown or revoked one." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The key lacks the '{scope}' scope." });
            operation.Responses.TryAdd("429", new OpenApiResponse { Description = "The key's (or address's) quota is used up; see Retry-After." });
            return Task.CompletedTask;
        });
        return options;
    }
}

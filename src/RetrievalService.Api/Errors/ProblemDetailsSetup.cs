using Microsoft.AspNetCore.Http.Features;

namespace RetrievalService.Api.Errors;

/// <summary>RFC 7807 responses for every error: exceptions, empty status codes (404, 405) and refusals alike.</summary>
public static class ProblemDetailsSetup
{
    /// <summary>Registers ProblemDetails with <c>code</c>, <c>requestId</c> and <c>instance</c> on every response, and the exception handler.</summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            var problem = context.ProblemDetails;
            problem.Instance ??= $"{http.Request.Method} {http.Request.Path}";
            problem.Extensions["requestId"] = http.TraceIdentifier;
            if (!problem.Extensions.ContainsKey("code"))
            {
                // Responses without an exception: unmatched routes, wrong methods, 500s.
                var status = problem.Status ?? http.Response.StatusCode;
                problem.Extensions["code"] = status switch
                {
                    StatusCodes.Status404NotFound => ProblemCodes.NotFound,
                    StatusCodes.Status415UnsupportedMediaType => ProblemCodes.UnsupportedMediaType,
                    >= 500 => ProblemCodes.Internal,
                    _ => ProblemCodes.HttpError,
                };
                problem.Detail ??= StatusDetail(http, status);
            }
        });
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    private static string? StatusDetail(HttpContext http, int status) => status switch
    {
        StatusCodes.Status404NotFound when http.Features.Get<IEndpointFeature>()?.Endpoint is null =>
            $"No endpoint serves {http.Request.Method} {http.Request.Path}; the endpoints are listed in /openapi/v1.json.",
        StatusCodes.Status405MethodNotAllowed =>
            $"{http.Request.Path} does not accept {http.Request.Method}; the allowed methods are in /openapi/v1.json.",
        StatusCodes.Status415UnsupportedMediaType =>
            $"{http.Request.Method} {http.Request.Path} does not accept '{http.Request.ContentType}'; the accepted types are in /openapi/v1.json.",
        >= 500 => $"An unexpected error occurred; report it with request id {http.TraceIdentifier}.",
        _ => null,
    };
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace RetrievalService.Api.Errors;

/// <summary>
/// Consulted after the framework's writer, which declines when the client's Accept header excludes JSON (e.g.
/// <c>Accept: application/xml</c>): an error still goes out as problem+json, customised like any other, rather than as a
/// status without a body.
/// </summary>
internal sealed class ProblemJsonFallbackWriter(IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        response.ContentType = "application/problem+json";
        return new ValueTask(JsonSerializer.SerializeAsync(response.Body, problem, json.Value.SerializerOptions, context.HttpContext.RequestAborted));
    }
}

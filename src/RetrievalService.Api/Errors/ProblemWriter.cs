using Microsoft.AspNetCore.Mvc;

namespace RetrievalService.Api.Errors;

/// <summary>Writes a refusal that is decided outside an endpoint (authentication, quotas) in the API's ProblemDetails shape.</summary>
internal static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext http, int status, string code, string title, string detail)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } },
        });
    }
}

using Serilog.Context;

namespace RetrievalService.Api.Http;

/// <summary>
/// Gives every request an id: the caller's <c>X-Request-Id</c> when it is a safe token, else ASP.NET Core's own. The id is
/// echoed in the response header, in every log event of the request (<c>RequestId</c>) and in every ProblemDetails.
/// </summary>
public static class RequestIds
{
    /// <summary>The request and response header.</summary>
    public const string Header = "X-Request-Id";

    private const int MaxLength = 128;

    /// <summary>Adds the middleware; place it first so every later log event carries the id.</summary>
    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var supplied = context.Request.Headers[Header].ToString();
        if (IsSafe(supplied))
        {
            context.TraceIdentifier = supplied;
        }
        // Set as the response starts: the exception handler clears the headers of a failed request before its answer.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = context.TraceIdentifier;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("RequestId", context.TraceIdentifier))
        {
            await next(context);
        }
    });

    // Log injection and header splitting need other characters than these.
    private static bool IsSafe(string id) =>
        id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}

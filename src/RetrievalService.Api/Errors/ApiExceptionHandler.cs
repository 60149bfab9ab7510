using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Telemetry;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Api.Errors;

/// <summary>Turns the exceptions that mean "bad input" or "try again later" into ProblemDetails; the rest stay 500s.</summary>
internal sealed class ApiExceptionHandler(
    IProblemDetailsService problemDetails,
    IOptions<ApiLimitsOptions> limits,
    ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody reads this response.
            httpContext.Response.StatusCode = 499;
            return true;
        }
        if (Problem.For(exception) is not { } problem)
        {
            ApiLog.Unhandled(logger, exception);
            return false;
        }
        Log(problem, exception);
        httpContext.Response.StatusCode = problem.StatusCode;
        if (problem.RetryAfter)
        {
            httpContext.Response.Headers.RetryAfter = limits.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = problem.StatusCode,
                Title = problem.Title,
                Detail = problem.Detail,
                Extensions = { ["code"] = problem.Code },
            },
        });
    }

    private void Log(Problem problem, Exception exception)
    {
        if (exception is GalleryUnavailableException)
        {
            ApiLog.DatabaseUnavailable(logger, exception.Message);
        }
        else
        {
            ApiLog.ClientError(logger, problem.StatusCode, problem.Code, problem.Detail);
        }
    }
}

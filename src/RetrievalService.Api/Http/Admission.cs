using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Telemetry;

namespace RetrievalService.Api.Http;

/// <summary>
/// A concurrency limit over the endpoints that decode and embed (<c>/search</c>, <c>/index</c>), sized to the machine,
/// with a short bounded wait queue. Past it the answer is an immediate 503 with Retry-After, never an unbounded queue.
/// </summary>
public static class Admission
{
    /// <summary>Rate-limiting policy name of the inference endpoints.</summary>
    public const string PolicyName = "inference";

    /// <summary>Binds <see cref="ApiLimitsOptions"/> and registers the limiter.</summary>
    public static IServiceCollection AddInferenceAdmission(this IServiceCollection services)
    {
        services.AddOptions<ApiLimitsOptions>().BindConfiguration(ApiLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolicyName, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<ApiLimitsOptions>>().Value;
                // One partition: the limit protects the machine, whoever the callers are.
                return RateLimitPartition.GetConcurrencyLimiter(PolicyName, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.EffectiveConcurrentRequests,
                    QueueLimit = limits.MaxQueuedRequests,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var limits = http.RequestServices.GetRequiredService<IOptions<ApiLimitsOptions>>().Value;
        ApiLog.Saturated(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Admission)), http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = limits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is saturated.",
                Detail = $"{limits.EffectiveConcurrentRequests} requests are being processed and {limits.MaxQueuedRequests} are waiting; " +
                         $"retry after {limits.RetryAfterSeconds} s.",
                Extensions = { ["code"] = ProblemCodes.Saturated },
            },
        });
    }
}

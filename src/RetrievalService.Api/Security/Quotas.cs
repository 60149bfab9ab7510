using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RetrievalService.Api.Errors;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Security;

/// <summary>
/// Per-key quotas with ASP.NET Core's rate limiter: one policy per scope, partitioned by key id, or by client address for
/// requests without a key. A refusal is 429 with <c>Retry-After</c> and the IETF <c>RateLimit-Policy</c> / <c>RateLimit</c>
/// headers; it costs no body read, no slot and no database query beyond the key check.
/// </summary>
public static class Quotas
{
    private const string AnonymousPolicy = "anonymous";

    /// <summary>Binds <see cref="QuotaOptions"/> and registers one rate-limiting policy per scope.</summary>
    public static IServiceCollection AddApiQuotas(this IServiceCollection services)
    {
        services.AddOptions<QuotaOptions>().BindConfiguration(QuotaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            foreach (var scope in ApiKeyScopes.All)
            {
                limiter.AddPolicy(scope, http => KeyPartition(http, scope));
            }
            // One bucket per address across every scope, so it needs a limiter of its own rather than one per policy.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(AddressPartition);
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Counts these endpoints' requests against the caller's <paramref name="scope"/> bucket.</summary>
    public static TBuilder RequireQuota<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(scope);

    private static RateLimitPartition<string> KeyPartition(HttpContext http, string scope) => http.User.KeyId() is { } keyId
        ? TokenBucket($"{scope}:{keyId}", BucketFor(Options(http), scope))
        : RateLimitPartition.GetNoLimiter("");

    // Only requests without a key to endpoints under a quota: health probes and the OpenAPI document stay free.
    private static RateLimitPartition<string> AddressPartition(HttpContext http) =>
        http.User.KeyId() is null && http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
            ? TokenBucket($"{AnonymousPolicy}:{http.Connection.RemoteIpAddress}", Options(http).Anonymous)
            : RateLimitPartition.GetNoLimiter("");

    private static QuotaOptions Options(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<QuotaOptions>>().Value;

    private static RateLimitPartition<string> TokenBucket(string key, QuotaOptions.Bucket bucket) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.Burst,
            TokensPerPeriod = 1,
            // One token at a time, so a bucket refills smoothly rather than in minute-sized steps.
            ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / bucket.PerMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static QuotaOptions.Bucket BucketFor(QuotaOptions options, string scope) => scope switch
    {
        ApiKeyScopes.Search => options.Search,
        ApiKeyScopes.Index => options.Index,
        _ => options.Admin,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var options = Options(http);
        var scope = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? AnonymousPolicy;
        var keyId = http.User.KeyId();
        var (policy, bucket) = keyId is null ? (AnonymousPolicy, options.Anonymous) : (scope, BucketFor(options, scope));
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : (int)Math.Ceiling(60.0 / bucket.PerMinute);
        var seconds = retryAfter.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.RetryAfter = seconds;
        http.Response.Headers["RateLimit-Policy"] = FormattableString.Invariant($"\"{policy}\";q={bucket.PerMinute};w=60");
        http.Response.Headers["RateLimit"] = $"\"{policy}\";r=0;t={seconds}";
        var who = keyId is null ? "This address, without a key," : $"Key '{keyId}'";
        await ProblemWriter.WriteAsync(http, StatusCodes.Status429TooManyRequests, ProblemCodes.QuotaExceeded, "The request quota is used up.",
            $"{who} has used its '{policy}' quota ({bucket.PerMinute} requests per minute, bursts of {bucket.Burst}); retry after {seconds} s.");
    }
}

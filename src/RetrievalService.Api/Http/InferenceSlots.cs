using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;

namespace RetrievalService.Api.Http;

/// <summary>
/// The slots of the work that decodes and embeds (<c>/search</c>, <c>/index</c>), sized to the machine, with a short
/// bounded wait queue. A handler enters only once it holds the whole request body: a client that sends slowly or stalls
/// costs its own connection, never a slot that others need. Past the queue the answer is an immediate 503.
/// </summary>
public sealed class InferenceSlots(IOptions<ApiLimitsOptions> options) : IDisposable
{
    private readonly ApiLimitsOptions limits = options.Value;
    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.EffectiveConcurrentRequests,
        QueueLimit = options.Value.MaxQueuedRequests,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A slot, held until the returned lease is disposed; a refusal is logged by the exception handler.</summary>
    /// <exception cref="SlotsExhaustedException">Every slot is taken and the queue is full.</exception>
    public async ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return lease;
        }
        lease.Dispose();
        throw new SlotsExhaustedException(limits.EffectiveConcurrentRequests, limits.MaxQueuedRequests);
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>Every inference slot is taken and the wait queue is full.</summary>
public sealed class SlotsExhaustedException(int running, int queued)
    : Exception($"{running} requests are being processed and {queued} are waiting; retry after the delay in Retry-After.");

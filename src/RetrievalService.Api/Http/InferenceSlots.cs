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

    /// <summary>
    /// Refuses at once, before the body is read, when every slot is taken and the queue is full: under overload a refusal
    /// should cost neither the upload nor its parsing. A request that passes still takes its slot only after its body.
    /// </summary>
    /// <exception cref="SlotsExhaustedException">Every slot is taken and the queue is full.</exception>
    public void ThrowIfFull()
    {
        var now = limiter.GetStatistics();
        if (now is { CurrentAvailablePermits: 0 } && now.CurrentQueuedCount >= limits.MaxQueuedRequests)
        {
            // No Connection: close, though the body stays unread: a client still sending would then get a reset instead of
            // this answer. Kestrel discards the rest of the body, under its minimum data rate, to reuse the connection.
            throw new SlotsExhaustedException(limits.EffectiveConcurrentRequests, limits.MaxQueuedRequests);
        }
    }

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

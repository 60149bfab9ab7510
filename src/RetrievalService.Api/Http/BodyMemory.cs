using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;

namespace RetrievalService.Api.Http;

/// <summary>
/// Counts the bytes of request bodies held in memory across requests, against <see cref="ApiLimitsOptions.BodyMemoryBytes"/>.
/// Bodies are read before a request takes an inference slot, so without this many large uploads at once could hold more
/// memory than the container has; past the budget a request is refused with 503 at once, before it buffers anything more.
/// A reservation lasts until its request ends.
/// </summary>
public sealed class BodyMemory(IOptions<ApiLimitsOptions> options)
{
    private readonly long budget = options.Value.BodyMemoryBytes;
    private long held;

    /// <summary>Bytes reserved now (for tests and metrics).</summary>
    public long Held => Interlocked.Read(ref held);

    /// <summary>Reserves <paramref name="bytes"/> for <paramref name="http"/>'s request, released when it ends.</summary>
    /// <exception cref="BodyMemoryExhaustedException">The reservation would go over the budget.</exception>
    public void Reserve(HttpContext http, long bytes)
    {
        if (budget == 0 || bytes == 0)
        {
            return;
        }
        if (Interlocked.Add(ref held, bytes) > budget)
        {
            Interlocked.Add(ref held, -bytes);
            throw new BodyMemoryExhaustedException();
        }
        http.Response.RegisterForDispose(new Reservation(this, bytes));
    }

    private sealed class Reservation(BodyMemory owner, long bytes) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Interlocked.Add(ref owner.held, -bytes);
            }
        }
    }
}

/// <summary>The request bodies in memory already fill the budget.</summary>
public sealed class BodyMemoryExhaustedException()
    : Exception("The uploads in progress fill the memory set aside for request bodies; retry after the delay in Retry-After.");

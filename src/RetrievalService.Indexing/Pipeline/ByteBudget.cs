namespace RetrievalService.Indexing.Pipeline;

/// <summary>
/// A number of bytes that may be held at once: taken by one producer, given back from any thread. A request larger than
/// the whole budget is served as a request for all of it, so an oversized item still passes, alone.
/// </summary>
internal sealed class ByteBudget(long capacity)
{
    private readonly long capacity = capacity;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim returned = new(0);
    private long available = capacity;

    /// <summary>Takes <paramref name="bytes"/> if they are available now.</summary>
    public bool TryTake(long bytes)
    {
        lock (gate)
        {
            var wanted = Math.Min(bytes, capacity);
            if (available < wanted)
            {
                return false;
            }
            available -= wanted;
            return true;
        }
    }

    /// <summary>Takes <paramref name="bytes"/>, waiting for others to give back enough.</summary>
    public async Task TakeAsync(long bytes, CancellationToken ct)
    {
        while (!TryTake(bytes))
        {
            await returned.WaitAsync(ct);
        }
    }

    /// <summary>Gives back what a <see cref="TryTake"/> or <see cref="TakeAsync"/> of <paramref name="bytes"/> took.</summary>
    public void Give(long bytes)
    {
        lock (gate)
        {
            available += Math.Min(bytes, capacity);
        }
        // One pending signal is enough to wake the waiter, which checks again; more would only pile up.
        if (returned.CurrentCount == 0)
        {
            returned.Release();
        }
    }
}

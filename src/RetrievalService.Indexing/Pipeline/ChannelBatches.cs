using System.Threading.Channels;

namespace RetrievalService.Indexing.Pipeline;

/// <summary>Reads batches from a channel: waits for the first item, then takes what is ready, up to a size.</summary>
internal static class ChannelBatches
{
    /// <summary>
    /// The next batch of at most <paramref name="max"/> items, waiting at most <paramref name="linger"/> after the
    /// first one for the batch to fill; empty when the channel is completed and drained.
    /// </summary>
    public static async Task<List<T>> ReadAsync<T>(ChannelReader<T> reader, int max, TimeSpan linger, CancellationToken ct)
    {
        var batch = new List<T>(max);
        if (!await reader.WaitToReadAsync(ct))
        {
            return batch;
        }
        var deadline = DateTime.UtcNow + linger;
        while (batch.Count < max)
        {
            while (batch.Count < max && reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            var left = deadline - DateTime.UtcNow;
            if (batch.Count >= max || left <= TimeSpan.Zero || !await WaitAsync(reader, left, ct))
            {
                break;
            }
        }
        return batch;
    }

    private static async Task<bool> WaitAsync<T>(ChannelReader<T> reader, TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            return await reader.WaitToReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}

namespace RetrievalService.Training.Loop;

/// <summary>Splits an epoch's items into optimizer steps.</summary>
internal static class Batching
{
    /// <summary>
    /// Consecutive batches of <paramref name="size"/>; a last batch of fewer than 3 items joins the one before,
    /// because RKD's angles need three images and a one-tuple step would be needlessly noisy.
    /// </summary>
    public static List<T[]> Split<T>(IReadOnlyList<T> items, int size)
    {
        var batches = items.Chunk(size).ToList();
        if (batches.Count > 1 && batches[^1].Length < 3)
        {
            batches[^2] = [.. batches[^2], .. batches[^1]];
            batches.RemoveAt(batches.Count - 1);
        }
        return batches;
    }
}

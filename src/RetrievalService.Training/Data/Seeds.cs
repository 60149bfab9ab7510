namespace RetrievalService.Training.Data;

/// <summary>
/// Random streams derived from the run's seed, the epoch and a purpose. Every epoch starts fresh streams, so a
/// run resumed from a checkpoint draws exactly the tuples and augmentations the uninterrupted run would have.
/// </summary>
public static class Seeds
{
    /// <summary>A generator for <paramref name="purpose"/> in <paramref name="epoch"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static Random For(int seed, int epoch, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        // FNV-1a, not string.GetHashCode: .NET randomises the latter per process.
        var hash = 2166136261u;
        foreach (var c in $"{seed}/{epoch}/{purpose}")
        {
            hash = (hash ^ c) * 16777619u;
        }
        return new Random(unchecked((int)hash));
    }
}

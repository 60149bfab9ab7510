using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RetrievalService.Indexing;

/// <summary>
/// One of <see cref="Count"/> disjoint shares of an indexing input, so that several indexers (a Kubernetes Indexed Job's
/// pods) can split one folder or manifest without talking to each other. An item belongs to shard
/// <see cref="Of"/>: the first 8 bytes of the SHA-256 of its UTF-8 id, read as a big-endian unsigned integer, modulo
/// <see cref="Count"/>. It depends on the id alone, so every process on every machine agrees, each id lands in exactly one
/// shard, and a repeated id lands where its first occurrence did (duplicate detection still works within a shard).
/// </summary>
/// <param name="Index">This shard, 0 ≤ index &lt; count.</param>
/// <param name="Count">How many shards the input is split into, 1..<see cref="MaxCount"/>.</param>
public readonly record struct InputShard(int Index, int Count)
{
    /// <summary>The most shards an input may be split into.</summary>
    public const int MaxCount = 1024;

    /// <summary>Whether the item with <paramref name="id"/> is this shard's.</summary>
    public bool Contains(string id) => Of(id, Count) == Index;

    /// <summary>The shard, 0..<paramref name="count"/> − 1, that the item with <paramref name="id"/> belongs to.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside 1..<see cref="MaxCount"/>.</exception>
    public static int Of(string id, int count)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        // string.GetHashCode is randomized per process; a cryptographic hash is stable everywhere and spreads any ids evenly.
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), digest);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(digest) % (ulong)count);
    }

    /// <summary>A shard from its index and count, or the reason they do not make one.</summary>
    public static InputShard? Create(long index, long count, out string? problem)
    {
        problem = count is < 1 or > MaxCount
            ? $"the shard count must be 1..{MaxCount}, not {count}."
            : index < 0 || index >= count
                ? $"the shard index must be 0..{count - 1} for {count} shards, not {index}."
                : null;
        return problem is null ? new InputShard((int)index, (int)count) : null;
    }

    /// <summary>Parses <c>i/N</c> (e.g. <c>2/8</c>), or says why <paramref name="text"/> is not a shard.</summary>
    public static InputShard? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2 || !TryParseNumber(parts[0], out var index) || !TryParseNumber(parts[1], out var count))
        {
            problem = $"'{text}' is not a shard: write i/N, e.g. 0/4 for the first of 4 shards.";
            return null;
        }
        return Create(index, count, out problem);
    }

    /// <summary>A whole number in invariant digits (no sign, no spaces), as the shard options and environment give them.</summary>
    public static bool TryParseNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary><c>i/N</c>, the form <see cref="Parse"/> reads.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}

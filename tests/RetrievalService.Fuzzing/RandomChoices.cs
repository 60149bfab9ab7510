namespace RetrievalService.Fuzzing;

/// <summary>The engine's random choices, biased the way structure-aware fuzzers bias them.</summary>
internal static class RandomChoices
{
    /// <summary>Boundary values that overflow, wrap or sign-flip arithmetic on 8-, 16- and 32-bit fields.</summary>
    public static readonly uint[] Interesting32 =
        [0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An offset in [0, length); half the time within the first KiB, where headers and tables live.</summary>
    public static int Offset(this Random random, int length) =>
        length <= 0 ? 0 : random.Next(2) == 0 ? random.Next(Math.Min(length, 1024)) : random.Next(length);

    /// <summary>A run length, mostly short, sometimes up to a few KiB.</summary>
    public static int RunLength(this Random random) => random.Next(4) switch
    {
        0 => random.Next(1, 5),
        1 => random.Next(1, 33),
        2 => random.Next(1, 257),
        _ => random.Next(1, 4097),
    };

    public static byte[] Noise(this Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}

namespace RetrievalService.Fuzzing;

/// <summary>
/// Produces mutants of real-photo seeds. Mutant <c>i</c> depends only on the engine seed and <c>i</c> (its own
/// <see cref="Random"/> is seeded from both), so any mutant can be regenerated alone, in any order, on any machine
/// running the same .NET major version. Mutants 0 … seeds−1 are the unmutated seeds, as a baseline that must decode.
/// </summary>
public sealed class MutationEngine
{
    /// <summary>Stacked edits stop once a mutant passes this size; floods and bombs stay well under the 20 MiB limit.</summary>
    private const int StackingLimitBytes = 8 << 20;

    private readonly int engineSeed;

    public MutationEngine(IReadOnlyList<Seed> seeds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        Seeds = seeds;
        engineSeed = seed;
    }

    public IReadOnlyList<Seed> Seeds { get; }

    public Mutant Generate(long index)
    {
        if (index < Seeds.Count)
        {
            var seed = Seeds[(int)index];
            return new Mutant(index, $"{seed.Name} | unmutated", seed.Bytes);
        }
        var random = new Random(MixSeed(engineSeed, index));
        var start = random.Pick(Seeds);
        var bytes = start.Bytes;
        var labels = new List<string> { start.Name };
        var rounds = random.Next(100) switch { < 55 => 1, < 85 => 2, _ => 3 };
        for (var round = 0; round < rounds && bytes.Length < StackingLimitBytes; round++)
        {
            var mutated = MutateOnce(bytes, random);
            bytes = mutated.Bytes;
            labels.Add(mutated.Label);
        }
        return new Mutant(index, LabelText.Printable(string.Join(" | ", labels)), bytes);
    }

    /// <summary>One edit: a family by weight, then a mutation of that family that applies; format-blind edits as the fallback.</summary>
    private Mutated MutateOnce(byte[] bytes, Random random)
    {
        var mutations = FormatMutations.For(FormatSniffer.Sniff(bytes));
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var family = random.Next(1_000) switch
            {
                < 350 => ByteMutations.All,
                < 650 => mutations.Structural,
                < 800 => mutations.HeaderLies,
                < 915 => mutations.MetadataBombs,
                < 920 => mutations.PixelBombs,
                _ => [Splice],
            };
            if (family.Count == 0)
            {
                continue;
            }
            if (random.Pick(family)(bytes, random) is { } mutated)
            {
                return mutated;
            }
        }
        return ByteMutations.BitFlips(bytes, random) ?? new Mutated(bytes, "unchanged");
    }

    /// <summary>AFL's splice: this input's head joined to another seed's tail, preferring a seed of the same format.</summary>
    private Mutated? Splice(byte[] input, Random random)
    {
        var format = FormatSniffer.Sniff(input);
        var sameFormat = Seeds.Where(s => s.Format == format).ToList();
        var other = random.Pick(sameFormat.Count > 0 ? sameFormat : Seeds);
        var head = random.Next(input.Length + 1);
        var tail = random.Next(other.Bytes.Length);
        return new([.. input.AsSpan(0, head), .. other.Bytes.AsSpan(tail)], $"bytes.splice:{head}+{other.Name}@{tail}");
    }

    /// <summary>SplitMix64 finaliser over (seed, index): neighbouring indices get unrelated streams.</summary>
    private static int MixSeed(int seed, long index)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (ulong)index;
            z += 0x9E37_79B9_7F4A_7C15;
            z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
            z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
            return (int)(z ^ (z >> 31));
        }
    }
}

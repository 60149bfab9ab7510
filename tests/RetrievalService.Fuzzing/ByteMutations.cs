using System.Buffers.Binary;

namespace RetrievalService.Fuzzing;

/// <summary>Format-blind mutations (AFL's havoc stage): flips, noise, truncation, insertion, deletion, boundary values.</summary>
public static class ByteMutations
{
    public static IReadOnlyList<Mutation> All { get; } =
        [BitFlips, NoiseRun, Truncate, InsertRun, DeleteRun, DuplicateRun, InterestingValue];

    public static Mutated? BitFlips(byte[] input, Random random)
    {
        if (input.Length == 0)
        {
            return null;
        }
        var output = (byte[])input.Clone();
        var flips = random.Next(1, 9);
        var first = random.Offset(output.Length);
        output[first] ^= (byte)(1 << random.Next(8));
        for (var i = 1; i < flips; i++)
        {
            output[random.Offset(output.Length)] ^= (byte)(1 << random.Next(8));
        }
        return new(output, $"bytes.bitflip×{flips}@{first}");
    }

    public static Mutated? NoiseRun(byte[] input, Random random)
    {
        if (input.Length == 0)
        {
            return null;
        }
        var offset = random.Offset(input.Length);
        var length = Math.Min(random.RunLength(), input.Length - offset);
        return new(ByteEdits.Overwrite(input, offset, random.Noise(length)), $"bytes.noise@{offset}+{length}");
    }

    public static Mutated? Truncate(byte[] input, Random random)
    {
        if (input.Length < 2)
        {
            return null;
        }
        // Uniform over the file: truncation mid-scan and mid-chunk both matter, not just mid-header.
        var length = random.Next(1, input.Length);
        return new(input[..length], $"bytes.truncate@{length}");
    }

    public static Mutated? InsertRun(byte[] input, Random random)
    {
        var offset = random.Offset(input.Length + 1);
        var length = random.RunLength();
        var (kind, run) = random.Next(3) switch
        {
            0 => ("zeros", new byte[length]),
            1 => ("ff", Enumerable.Repeat((byte)0xFF, length).ToArray()),
            _ => ("noise", random.Noise(length)),
        };
        return new(ByteEdits.Insert(input, offset, run), $"bytes.insert-{kind}@{offset}+{length}");
    }

    public static Mutated? DeleteRun(byte[] input, Random random)
    {
        if (input.Length < 2)
        {
            return null;
        }
        var offset = random.Offset(input.Length);
        var length = Math.Min(random.RunLength(), input.Length - offset);
        return new(ByteEdits.Replace(input, offset, length, []), $"bytes.delete@{offset}+{length}");
    }

    public static Mutated? DuplicateRun(byte[] input, Random random)
    {
        if (input.Length < 2)
        {
            return null;
        }
        var from = random.Offset(input.Length);
        var length = Math.Min(random.RunLength(), input.Length - from);
        var to = random.Offset(input.Length + 1);
        return new(ByteEdits.Insert(input, to, input.AsSpan(from, length)), $"bytes.duplicate@{from}+{length}→{to}");
    }

    public static Mutated? InterestingValue(byte[] input, Random random)
    {
        if (input.Length < 4)
        {
            return null;
        }
        var offset = random.Offset(input.Length - 3);
        var value = random.Pick(RandomChoices.Interesting32);
        var output = (byte[])input.Clone();
        var width = random.Next(3);
        var bigEndian = random.Next(2) == 0;
        switch (width)
        {
            case 0:
                output[offset] = (byte)value;
                break;
            case 1 when bigEndian:
                BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(offset), (ushort)value);
                break;
            case 1:
                BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(offset), (ushort)value);
                break;
            case 2 when bigEndian:
                BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(offset), value);
                break;
            default:
                BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(offset), value);
                break;
        }
        var bits = 8 << width;
        var written = width switch { 0 => (byte)value, 1 => (ushort)value, _ => value };
        return new(output, $"bytes.interesting{bits}{(width == 0 ? "" : bigEndian ? "be" : "le")}@{offset}=0x{written:X}");
    }
}

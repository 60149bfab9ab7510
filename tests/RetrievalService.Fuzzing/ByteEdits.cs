using System.Buffers.Binary;

namespace RetrievalService.Fuzzing;

/// <summary>Copying edits on byte arrays; mutations never change their input in place.</summary>
internal static class ByteEdits
{
    public static byte[] Replace(byte[] input, int offset, int removed, ReadOnlySpan<byte> inserted)
    {
        offset = Math.Clamp(offset, 0, input.Length);
        removed = Math.Clamp(removed, 0, input.Length - offset);
        var output = new byte[input.Length - removed + inserted.Length];
        input.AsSpan(0, offset).CopyTo(output);
        inserted.CopyTo(output.AsSpan(offset));
        input.AsSpan(offset + removed).CopyTo(output.AsSpan(offset + inserted.Length));
        return output;
    }

    public static byte[] Insert(byte[] input, int offset, ReadOnlySpan<byte> inserted) => Replace(input, offset, 0, inserted);

    public static byte[] Overwrite(byte[] input, int offset, ReadOnlySpan<byte> bytes)
    {
        var output = (byte[])input.Clone();
        var count = Math.Min(bytes.Length, output.Length - offset);
        if (count > 0)
        {
            bytes[..count].CopyTo(output.AsSpan(offset));
        }
        return output;
    }

    public static byte[] WithUInt16LittleEndian(byte[] input, int offset, ushort value)
    {
        var output = (byte[])input.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(offset), value);
        return output;
    }

    public static byte[] WithUInt32LittleEndian(byte[] input, int offset, uint value)
    {
        var output = (byte[])input.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(offset), value);
        return output;
    }

    public static byte[] Concat(params IEnumerable<byte[]> parts)
    {
        using var stream = new MemoryStream();
        foreach (var part in parts)
        {
            stream.Write(part);
        }
        return stream.ToArray();
    }
}

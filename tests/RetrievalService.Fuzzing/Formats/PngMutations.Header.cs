using System.Buffers.Binary;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>IHDR fields that lie: dimensions, bit depth, colour type, compression, filter and interlace method.</summary>
public static partial class PngMutations
{
    public static Mutated? HeaderDimension(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var index = png.IndexOf("IHDR");
        if (index < 0 || chunks[index].Data.Length < 13)
        {
            return null;
        }
        var data = (byte[])chunks[index].Data.Clone();
        var (field, offset) = random.Next(2) == 0 ? ("width", 0) : ("height", 4);
        var value = random.Pick(Dimensions);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(offset), value);
        chunks[index] = chunks[index] with { Data = data };
        return $"png.ihdr-{field}={value}";
    });

    /// <summary>Bit depth, colour type, compression, filter and interlace method: each byte has few legal values.</summary>
    public static Mutated? HeaderField(byte[] input, Random random) => Edit(input, (png, chunks) =>
    {
        var index = png.IndexOf("IHDR");
        if (index < 0 || chunks[index].Data.Length < 13)
        {
            return null;
        }
        var data = (byte[])chunks[index].Data.Clone();
        string[] names = ["bit-depth", "colour-type", "compression", "filter", "interlace"];
        var field = random.Next(names.Length);
        var value = (byte)random.Pick<int>([0, 1, 2, 3, 4, 6, 8, 16, 255]);
        data[8 + field] = value;
        chunks[index] = chunks[index] with { Data = data };
        return $"png.ihdr-{names[field]}={value}";
    });
}

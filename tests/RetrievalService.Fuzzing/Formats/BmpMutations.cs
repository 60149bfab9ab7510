using System.Buffers.Binary;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// BMP header lies (https://learn.microsoft.com/windows/win32/api/wingdi/ns-wingdi-bitmapinfoheader): file size,
/// pixel offset, DIB header size, signed width/height (negative height means top-down), bit count, compression
/// (RLE and bit fields on data that is neither), palette size.
/// </summary>
public static class BmpMutations
{
    private static readonly int[] Dimensions = [0, 1, -1, 2, 6_000, 11_999, 12_000, 12_001, -12_000, 65_536, int.MaxValue, int.MinValue];

    public static IReadOnlyList<Mutation> Structural { get; } = [FileSize, PixelOffset, HeaderSize, BitCount, Compression, PaletteSize];

    public static IReadOnlyList<Mutation> HeaderLies { get; } = [Dimension];

    public static Mutated? Dimension(byte[] input, Random random)
    {
        if (!IsBmp(input, 26))
        {
            return null;
        }
        var (field, offset) = random.Next(2) == 0 ? ("width", 18) : ("height", 22);
        var value = random.Pick(Dimensions);
        return new(ByteEdits.WithUInt32LittleEndian(input, offset, (uint)value), $"bmp.{field}={value}");
    }

    public static Mutated? FileSize(byte[] input, Random random) =>
        Field32(input, 2, "file-size", random.Pick<uint>([0, 14, (uint)input.Length * 2, 0xFFFF_FFFF]));

    public static Mutated? PixelOffset(byte[] input, Random random) =>
        Field32(input, 10, "pixel-offset", random.Pick<uint>([0, 14, 54, (uint)input.Length - 1, (uint)input.Length, 0x7FFF_FFFF, 0xFFFF_FFFF]));

    public static Mutated? HeaderSize(byte[] input, Random random) =>
        Field32(input, 14, "dib-header-size", random.Pick<uint>([0, 12, 16, 40, 52, 56, 64, 108, 124, 125, 0xFFFF_FFFF]));

    public static Mutated? BitCount(byte[] input, Random random)
    {
        if (!IsBmp(input, 30))
        {
            return null;
        }
        var bits = (ushort)random.Pick([0, 1, 2, 4, 8, 15, 16, 24, 32, 48, 64, 0xFFFF]);
        return new(ByteEdits.WithUInt16LittleEndian(input, 28, bits), $"bmp.bits-per-pixel={bits}");
    }

    /// <summary>0 RGB, 1 RLE8, 2 RLE4, 3 bit fields, 4 JPEG, 5 PNG, 6 alpha bit fields; others do not exist.</summary>
    public static Mutated? Compression(byte[] input, Random random) =>
        Field32(input, 30, "compression", random.Pick<uint>([0, 1, 2, 3, 4, 5, 6, 11, 0xFFFF_FFFF]));

    public static Mutated? PaletteSize(byte[] input, Random random) =>
        Field32(input, 46, "colours-used", random.Pick<uint>([0, 1, 256, 257, 65_536, 0x7FFF_FFFF, 0xFFFF_FFFF]));

    private static Mutated? Field32(byte[] input, int offset, string name, uint value) =>
        IsBmp(input, offset + 4) ? new(ByteEdits.WithUInt32LittleEndian(input, offset, value), $"bmp.{name}={value}") : null;

    private static bool IsBmp(byte[] input, int minLength) =>
        input.Length >= Math.Max(minLength, 54) && FormatSniffer.Sniff(input) == ImageFormatKind.Bmp && BinaryPrimitives.ReadUInt32LittleEndian(input.AsSpan(14)) >= 40;
}

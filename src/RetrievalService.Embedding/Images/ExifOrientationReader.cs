using System.Buffers.Binary;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// Reads the orientation tag (0x0112) from the first IFD of an EXIF block (a TIFF header and directory), for the
/// containers whose EXIF Skia does not interpret (PNG's eXIf chunk). Bounds-checked; anything malformed means "no tag".
/// </summary>
internal static class ExifOrientationReader
{
    private const ushort OrientationTag = 0x0112;
    private const ushort ShortType = 3;

    public static Orientation? Read(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return null;
        }
        bool little;
        if (tiff.StartsWith("II"u8))
        {
            little = true;
        }
        else if (tiff.StartsWith("MM"u8))
        {
            little = false;
        }
        else
        {
            return null;
        }
        var directory = U32(tiff[4..], little);
        if (U16(tiff[2..], little) != 42 || directory > (uint)tiff.Length - 2)
        {
            return null;
        }
        var entries = U16(tiff[(int)directory..], little);
        for (var i = 0; i < entries; i++)
        {
            var at = (long)directory + 2 + 12L * i;
            if (at + 12 > tiff.Length)
            {
                return null;
            }
            var entry = tiff.Slice((int)at, 12);
            if (U16(entry, little) == OrientationTag && U16(entry[2..], little) == ShortType)
            {
                var value = U16(entry[8..], little);
                return value is >= 1 and <= 8 ? (Orientation)value : null;
            }
        }
        return null;
    }

    private static ushort U16(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    private static uint U32(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
}

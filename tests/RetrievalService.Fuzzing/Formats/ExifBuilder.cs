using System.Buffers.Binary;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// Hostile EXIF (TIFF structure, https://www.cipa.jp/std/documents/e/DC-008-2012_E.pdf §4.5): IFDs that claim more
/// entries than exist, entries with huge counts or offsets past the end, IFD chains that loop, and orientation tags
/// with illegal values or types. Little-endian ("II") unless asked otherwise.
/// </summary>
public static class ExifBuilder
{
    private const ushort OrientationTag = 0x0112;
    private const ushort ExifIfdPointerTag = 0x8769;

    public static readonly string[] Kinds =
        ["ifd-count-65535", "ifd-loop", "sub-ifd-loop", "entry-count-huge", "offset-overflow", "orientation-illegal", "orientation-wrong-type", "many-entries"];

    /// <summary>The TIFF block (starting with "II*\0" or "MM\0*") for <paramref name="kind"/>, at most <paramref name="maxBytes"/>.</summary>
    public static byte[] Build(string kind, Random random, int maxBytes, bool bigEndian = false)
    {
        var tiff = kind switch
        {
            "ifd-count-65535" => Ifd(65_535, [(OrientationTag, 3, 1, 6)], next: 0),
            "ifd-loop" => Ifd(1, [(OrientationTag, 3, 1, 6)], next: 8),
            "sub-ifd-loop" => Ifd(2, [(OrientationTag, 3, 1, 6), (ExifIfdPointerTag, 4, 1, 8)], next: 0),
            "entry-count-huge" => Ifd(2, [(OrientationTag, 3, 0x3FFF_FFFF, 6), (0x010F, 2, 0xFFFF_FFF0, 0x7FFF_FFF0)], next: 0),
            "offset-overflow" => Ifd(1, [(0x010F, 2, 64, 0xFFFF_FFF8)], next: 0xFFFF_FFF0),
            "orientation-illegal" => Ifd(1, [(OrientationTag, 3, 1, (uint)random.Pick([0, 9, 255, 65_535]))], next: 0),
            "orientation-wrong-type" => Ifd(1, [(OrientationTag, (ushort)random.Pick([0, 2, 4, 5, 12, 13, 255]), (uint)random.Pick([1, 2, 1_000_000]), 6)], next: 0),
            "many-entries" => Ifd(ManyEntriesCount(maxBytes), Enumerable.Repeat(((ushort)0x9999, (ushort)7, 4u, 0u), ManyEntriesCount(maxBytes)).ToArray(), next: 0),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        if (bigEndian)
        {
            tiff = ToBigEndian(tiff);
        }
        return tiff.Length <= maxBytes ? tiff : tiff[..maxBytes];
    }

    /// <summary>
    /// A TIFF header and one IFD at offset 8 declaring <paramref name="declaredCount"/> entries, of which only
    /// <paramref name="entries"/> are written (type, count, value-or-offset as given).
    /// </summary>
    private static byte[] Ifd(int declaredCount, (ushort Tag, ushort Type, uint Count, uint Value)[] entries, uint next)
    {
        var bytes = new byte[8 + 2 + 12 * entries.Length + 4 + 16];
        "II*\0"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)declaredCount);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = 10 + 12 * i;
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 2), entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 4), entries[i].Count);
            // SHORT values sit left-justified in the 4-byte field.
            if (entries[i].Type == 3 && entries[i].Count <= 2)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 8), (ushort)entries[i].Value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 8), entries[i].Value);
            }
        }
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(10 + 12 * entries.Length), next);
        return bytes;
    }

    private static int ManyEntriesCount(int maxBytes) => Math.Clamp((maxBytes - 30) / 12, 1, 65_535);

    /// <summary>Rewrites the header, counts and each entry's fields as Motorola byte order; value bytes are swapped as 32-bit words.</summary>
    private static byte[] ToBigEndian(byte[] little)
    {
        var big = (byte[])little.Clone();
        "MM\0*"u8.CopyTo(big);
        BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(4), BinaryPrimitives.ReadUInt32LittleEndian(little.AsSpan(4)));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(little.AsSpan(8));
        BinaryPrimitives.WriteUInt16BigEndian(big.AsSpan(8), count);
        var written = (little.Length - 8 - 2 - 4 - 16) / 12;
        for (var i = 0; i < written; i++)
        {
            var at = 10 + 12 * i;
            BinaryPrimitives.WriteUInt16BigEndian(big.AsSpan(at), BinaryPrimitives.ReadUInt16LittleEndian(little.AsSpan(at)));
            var type = BinaryPrimitives.ReadUInt16LittleEndian(little.AsSpan(at + 2));
            BinaryPrimitives.WriteUInt16BigEndian(big.AsSpan(at + 2), type);
            var entryCount = BinaryPrimitives.ReadUInt32LittleEndian(little.AsSpan(at + 4));
            BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(at + 4), entryCount);
            if (type == 3 && entryCount <= 2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(big.AsSpan(at + 8), BinaryPrimitives.ReadUInt16LittleEndian(little.AsSpan(at + 8)));
                BinaryPrimitives.WriteUInt16BigEndian(big.AsSpan(at + 10), 0);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(at + 8), BinaryPrimitives.ReadUInt32LittleEndian(little.AsSpan(at + 8)));
            }
        }
        var next = 10 + 12 * written;
        BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(next), BinaryPrimitives.ReadUInt32LittleEndian(little.AsSpan(next)));
        return big;
    }
}

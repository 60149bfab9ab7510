using System.Buffers.Binary;

namespace RetrievalService.TestSupport;

/// <summary>PNG bytes written by hand, for what no encoder will write: a header that promises pixels and brings none.</summary>
public static class PngFiles
{
    /// <summary>PNG signature and a valid IHDR chunk declaring <paramref name="width"/>×<paramref name="height"/> RGBA, then nothing.</summary>
    public static byte[] HeaderOnly(int width, int height)
    {
        var chunk = new byte[4 + 4 + 13 + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, 13);
        "IHDR"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(8), width);
        BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(12), height);
        chunk[16] = 8; // bit depth
        chunk[17] = 6; // RGBA
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(21), Crc32(chunk.AsSpan(4, 17)));
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. chunk];
    }

    /// <summary>The PNG chunk CRC (ISO 3309, reflected 0xEDB88320), bit by bit: fine for one 17-byte chunk.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}

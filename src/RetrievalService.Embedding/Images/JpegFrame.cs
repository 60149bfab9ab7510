using System.Buffers.Binary;

namespace RetrievalService.Embedding.Images;

/// <summary>A JPEG frame header (SOFn): coding process, size, and how many 8×8 blocks its components hold.</summary>
internal sealed record JpegFrame(byte Marker, int Width, int Height, long Blocks)
{
    /// <summary>Baseline or extended sequential (one pass over the blocks per scan).</summary>
    public bool Sequential => Marker is 0xC0 or 0xC1 or 0xC9;

    public bool Progressive => Marker is 0xC2 or 0xC6 or 0xCA or 0xCE;

    /// <summary>Huffman- rather than arithmetic-coded (SOF9 and up).</summary>
    public bool Huffman => Marker <= 0xC7;

    public static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    /// <summary>Reads the segment body after its length; null when it is too short for its own component count.</summary>
    public static JpegFrame? Parse(byte marker, ReadOnlySpan<byte> body)
    {
        if (body.Length < 6)
        {
            return null;
        }
        int height = BinaryPrimitives.ReadUInt16BigEndian(body[1..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(body[3..]);
        var count = body[5];
        if (count == 0 || body.Length < 6 + 3 * count)
        {
            return null;
        }
        // Interleaved layout: every MCU holds H×V blocks of each component, the frame ceil(W/8Hmax) × ceil(H/8Vmax) MCUs.
        var (maxH, maxV, blocksPerMcu) = (1, 1, 0L);
        for (var i = 0; i < count; i++)
        {
            var sampling = body[6 + 3 * i + 1];
            var (h, v) = (Math.Max(1, sampling >> 4), Math.Max(1, sampling & 0x0F));
            (maxH, maxV) = (Math.Max(maxH, h), Math.Max(maxV, v));
            blocksPerMcu += h * v;
        }
        long mcus = (long)DivideUp(width, 8 * maxH) * DivideUp(height, 8 * maxV);
        return new JpegFrame(marker, width, height, mcus * blocksPerMcu);
    }

    private static int DivideUp(int value, int divisor) => (value + divisor - 1) / divisor;
}

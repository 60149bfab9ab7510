using System.Buffers.Binary;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>Frame header, Huffman and quantisation tables, scan headers and restart intervals.</summary>
public static partial class JpegMutations
{
    public static Mutated? FrameDimension(byte[] input, Random random) => EditFrame(input, random, (payload, name) =>
    {
        var (field, offset) = random.Next(2) == 0 ? ("height", 1) : ("width", 3);
        var value = random.Pick(Dimensions);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(offset), value);
        return $"jpeg.{name}-{field}={value}";
    });

    /// <summary>Precision, component count, sampling factors, quantisation table selectors.</summary>
    public static Mutated? FrameField(byte[] input, Random random) => EditFrame(input, random, (payload, name) =>
    {
        switch (random.Next(4))
        {
            case 0:
                payload[0] = (byte)random.Pick([0, 1, 8, 12, 16, 255]);
                return $"jpeg.{name}-precision={payload[0]}";
            case 1:
                payload[5] = (byte)random.Pick([0, 1, 2, 3, 4, 5, 255]);
                return $"jpeg.{name}-components={payload[5]}";
            default:
                var component = random.Next(Math.Max(1, (payload.Length - 6) / 3));
                var offset = 6 + 3 * component + (random.Next(2) == 0 ? 1 : 2);
                if (offset >= payload.Length)
                {
                    return null;
                }
                var isSampling = offset % 3 == 1;
                payload[offset] = isSampling ? (byte)random.Pick([0x00, 0x11, 0x12, 0x21, 0x22, 0x41, 0x14, 0x44, 0x55, 0xFF]) : (byte)random.Pick([0, 1, 2, 3, 4, 255]);
                return $"jpeg.{name}-component{component}-{(isSampling ? "sampling" : "quant-table")}=0x{payload[offset]:X2}";
        }
    });

    /// <summary>Code-length counts whose sum overruns the 256 symbols a table may hold, or an out-of-range table id.</summary>
    public static Mutated? HuffmanCounts(byte[] input, Random random) => EditPayload(input, random, 0xC4, 17, (payload, index) =>
    {
        if (random.Next(3) == 0)
        {
            payload[0] = (byte)random.Pick([0x02, 0x04, 0x14, 0x20, 0xFF]);
            return $"jpeg.dht#{index}-class-id=0x{payload[0]:X2}";
        }
        var length = random.Next(1, 17);
        payload[length] = (byte)random.Pick([0, 1, 128, 255]);
        return $"jpeg.dht#{index}-count[{length}]={payload[length]}";
    });

    public static Mutated? QuantTable(byte[] input, Random random) => EditPayload(input, random, 0xDB, 2, (payload, index) =>
    {
        if (random.Next(2) == 0)
        {
            payload[0] = (byte)random.Pick([0x10, 0x04, 0x13, 0xFF]);
            return $"jpeg.dqt#{index}-precision-id=0x{payload[0]:X2}";
        }
        Array.Clear(payload, 1, payload.Length - 1);
        return $"jpeg.dqt#{index}-all-zero";
    });

    /// <summary>Component count, table selectors and the progressive Ss/Se/Ah/Al fields of one scan header.</summary>
    public static Mutated? ScanHeader(byte[] input, Random random) => EditPayload(input, random, 0xDA, 4, (payload, index) =>
    {
        var offset = random.Next(payload.Length);
        var old = payload[offset];
        payload[offset] = (byte)random.Pick([0, 1, 4, 5, 0x0F, 0x10, 0x33, 63, 64, 0xFF, random.Next(256)]);
        return $"jpeg.sos#{index}-byte{offset}:0x{old:X2}→0x{payload[offset]:X2}";
    });

    public static Mutated? RestartInterval(byte[] input, Random random) => Edit(input, (jpeg, segments) =>
    {
        var interval = (ushort)random.Pick([0, 1, 2, 0xFFFF]);
        var payload = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(payload, interval);
        var scan = segments.FindIndex(s => s.Marker == 0xDA);
        segments.Insert(scan < 0 ? 1 : scan, JpegSegment.Create(0xDD, payload));
        return $"jpeg.dri={interval}";
    });

    private static Mutated? EditFrame(byte[] input, Random random, Func<byte[], string, string?> edit) => Edit(input, (jpeg, segments) =>
    {
        var index = jpeg.IndexOfFrame;
        if (index < 0 || segments[index].Payload.Length < 6)
        {
            return null;
        }
        var payload = (byte[])segments[index].Payload.Clone();
        var label = edit(payload, segments[index].Name.ToLowerInvariant());
        segments[index] = segments[index] with { Payload = payload };
        return label;
    });

    private static Mutated? EditPayload(byte[] input, Random random, byte marker, int minLength, Func<byte[], int, string?> edit) => Edit(input, (jpeg, segments) =>
    {
        var candidates = segments.Select((s, i) => (s, i)).Where(p => p.s.Marker == marker && p.s.Payload.Length >= minLength).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var (segment, index) = random.Pick(candidates);
        var payload = (byte[])segment.Payload.Clone();
        var label = edit(payload, index);
        segments[index] = segment with { Payload = payload };
        return label;
    });
}

using System.Buffers.Binary;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// JPEG marker surgery: duplicate or remove SOF/SOS/DHT/DQT, wrong segment lengths, damaged tables and scan
/// headers, restart intervals, scan floods, and SOF dimensions that lie.
/// </summary>
public static class JpegMutations
{
    private static readonly ushort[] Dimensions = [0, 1, 8, 2_000, 6_000, 11_999, 12_000, 12_001, 30_000, 65_500, 65_535];

    private static readonly byte[] TableMarkers = [0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDA, 0xDD];

    public static IReadOnlyList<Mutation> Structural { get; } =
    [
        DuplicateSegment, RemoveSegment, SwapSegments, LyingLength, FrameField, HuffmanCounts, QuantTable, ScanHeader,
        RestartInterval, EntropyNoise, EntropyTruncation, ScanFlood, EndOfImage,
    ];

    public static IReadOnlyList<Mutation> HeaderLies { get; } = [FrameDimension];

    public static Mutated? DuplicateSegment(byte[] input, Random random) => Edit(input, (jpeg, segments) =>
    {
        var index = PickSegment(segments, random);
        var target = random.Next(1, segments.Count + 1);
        segments.Insert(target, segments[index]);
        return $"jpeg.duplicate:{segments[target].Name}→#{target}";
    });

    public static Mutated? RemoveSegment(byte[] input, Random random) => Edit(input, (jpeg, segments) =>
    {
        var index = PickSegment(segments, random);
        var name = segments[index].Name;
        segments.RemoveAt(index);
        return $"jpeg.remove:{name}#{index}";
    });

    public static Mutated? SwapSegments(byte[] input, Random random) => Edit(input, (jpeg, segments) =>
    {
        var (a, b) = (PickSegment(segments, random), PickSegment(segments, random));
        (segments[a], segments[b]) = (segments[b], segments[a]);
        return $"jpeg.swap:{segments[b].Name}#{a}↔{segments[a].Name}#{b}";
    });

    public static Mutated? LyingLength(byte[] input, Random random) => Edit(input, (jpeg, segments) =>
    {
        var index = PickSegment(segments, random);
        var segment = segments[index];
        if (!segment.HasLength)
        {
            return null;
        }
        var actual = segment.Payload.Length + 2;
        var length = (ushort)random.Pick([0, 1, 2, actual - 1, actual + 1, actual + 100, 0xFFFF]);
        segments[index] = segment with { LengthField = length };
        return $"jpeg.length:{segment.Name}#{index}={length}";
    });

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

    public static Mutated? EntropyNoise(byte[] input, Random random) => EditScanData(input, random, (data, index) =>
    {
        var offset = random.Next(data.Length);
        var length = Math.Min(random.RunLength(), data.Length - offset);
        random.NextBytes(data.AsSpan(offset, length));
        return (data, $"jpeg.scan#{index}-noise@{offset}+{length}");
    });

    public static Mutated? EntropyTruncation(byte[] input, Random random) => EditScanData(input, random, (data, index) =>
    {
        var length = random.Next(data.Length);
        return (data[..length], $"jpeg.scan#{index}-cut@{length}");
    });

    /// <summary>
    /// The same scan repeated many times: each progressive scan walks the whole coefficient buffer, so scan count
    /// times image size is the cost (libjpeg-turbo's own tools cap scans for this reason).
    /// </summary>
    public static Mutated? ScanFlood(byte[] input, Random random) => Edit(input, (jpeg, segments) =>
    {
        var scans = segments.Select((s, i) => (s, i)).Where(p => p.s.Marker == 0xDA).ToList();
        if (scans.Count == 0)
        {
            return null;
        }
        var (scan, index) = random.Pick(scans);
        var copies = random.Pick([100, 1_000, 10_000]);
        // Empty copies keep the file small (and always under 4 MB); the decoder still has to start and finish each scan.
        var keepData = random.Next(2) == 0 && (long)scan.EntropyData.Length * copies <= 4 << 20;
        var copy = keepData ? scan : scan with { EntropyData = [] };
        segments.InsertRange(index + 1, Enumerable.Repeat(copy, copies));
        return $"jpeg.scan-flood:{copies}×sos#{index}{(copy.EntropyData.Length == 0 ? "-empty" : "")}";
    });

    public static Mutated? EndOfImage(byte[] input, Random random) => Edit(input, (jpeg, segments) =>
    {
        var eoi = segments.FindIndex(s => s.Marker == 0xD9);
        if (random.Next(2) == 0 && eoi >= 0)
        {
            segments.RemoveAt(eoi);
            return "jpeg.no-eoi";
        }
        var at = random.Next(1, segments.Count);
        segments.Insert(at, JpegSegment.Create(0xD9, []));
        return $"jpeg.early-eoi#{at}";
    });

    /// <summary>Parses, lets <paramref name="edit"/> change the segment list and name what it did, writes back.</summary>
    internal static Mutated? Edit(byte[] input, Func<JpegFile, List<JpegSegment>, string?> edit)
    {
        var jpeg = JpegFile.Parse(input);
        if (jpeg is null)
        {
            return null;
        }
        var segments = new List<JpegSegment>(jpeg.Segments);
        var label = edit(jpeg, segments);
        return label is null ? null : new Mutated((jpeg with { Segments = segments }).ToBytes(), label);
    }

    /// <summary>Biased towards the tables and headers a decoder cannot do without.</summary>
    private static int PickSegment(List<JpegSegment> segments, Random random)
    {
        var tables = segments.Select((s, i) => (s, i)).Where(p => TableMarkers.Contains(p.s.Marker)).Select(p => p.i).ToList();
        return tables.Count > 0 && random.Next(4) != 0 ? random.Pick(tables) : random.Next(1, Math.Max(2, segments.Count));
    }

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

    private static Mutated? EditScanData(byte[] input, Random random, Func<byte[], int, (byte[] Data, string Label)> edit) => Edit(input, (jpeg, segments) =>
    {
        var scans = segments.Select((s, i) => (s, i)).Where(p => p.s.Marker == 0xDA && p.s.EntropyData.Length > 0).ToList();
        if (scans.Count == 0)
        {
            return null;
        }
        var (scan, index) = random.Pick(scans);
        var (data, label) = edit((byte[])scan.EntropyData.Clone(), index);
        segments[index] = scan with { EntropyData = data };
        if (label.Contains("-cut@", StringComparison.Ordinal))
        {
            // A cut stream ends the file there, as a truncated upload would.
            segments.RemoveRange(index + 1, segments.Count - index - 1);
        }
        return label;
    });
}

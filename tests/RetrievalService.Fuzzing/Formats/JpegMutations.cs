namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// JPEG marker surgery: duplicate or remove SOF/SOS/DHT/DQT, wrong segment lengths, damaged tables and scan
/// headers, restart intervals, scan floods, and SOF dimensions that lie.
/// </summary>
public static partial class JpegMutations
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
}

namespace RetrievalService.Fuzzing.Formats;

/// <summary>Entropy-coded data: noise, cuts, and scans repeated many times.</summary>
public static partial class JpegMutations
{
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

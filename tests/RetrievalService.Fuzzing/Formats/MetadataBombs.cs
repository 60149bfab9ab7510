using System.Buffers.Binary;
using System.Text;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// Metadata that is small on the wire and huge or hostile once read: compressed PNG text and ICC profiles that
/// inflate to hundreds of MB, floods of JPEG APP segments, ICC profiles split over lying APP2 sequence numbers,
/// and hostile EXIF in JPEG APP1, PNG eXIf and WebP EXIF. The decoder only needs pixels, so none of this should
/// cost more than skipping it.
/// </summary>
public static class MetadataBombs
{
    /// <summary>Inflated sizes used in the fuzz loop; the 400 MB case has its own targeted test.</summary>
    private static readonly long[] LoopSizes = [1 << 20, 16 << 20, 64 << 20];

    public static IReadOnlyList<Mutation> Png { get; } = [PngCompressedText, PngIccProfile, PngExif];

    public static IReadOnlyList<Mutation> Jpeg { get; } = [JpegAppFlood, JpegExif, JpegIccSequence];

    public static IReadOnlyList<Mutation> Webp { get; } = [WebpExif, WebpIcc];

    public static Mutated? PngCompressedText(byte[] input, Random random) =>
        PngTextBomb(input, random.Pick(LoopSizes), random.Next(2) == 0 ? "zTXt" : "iTXt", beforeImageData: random.Next(2) == 0);

    public static Mutated? PngIccProfile(byte[] input, Random random) => PngIccBomb(input, random.Pick(LoopSizes));

    /// <summary>
    /// A zTXt or iTXt chunk whose text inflates to <paramref name="inflatedBytes"/> zeros, placed after IHDR or just before IEND.
    /// </summary>
    public static Mutated? PngTextBomb(byte[] input, long inflatedBytes, string type, bool beforeImageData) => PngMutations.Edit(input, (png, chunks) =>
    {
        // zTXt: keyword, NUL, method 0, data. iTXt: keyword, NUL, compressed flag 1, method 0, language NUL, translated keyword NUL, data.
        byte[] header = type == "zTXt" ? [.. "Comment"u8, 0, 0] : [.. "Comment"u8, 0, 1, 0, 0, 0];
        var chunk = PngChunk.Create(type, [.. header, .. ZlibBomb.Zeros(inflatedBytes)]);
        var at = beforeImageData ? png.AfterHeader : Math.Max(png.AfterHeader, chunks.FindLastIndex(c => c.Type == "IEND"));
        chunks.Insert(at, chunk);
        return $"png.{type}-bomb={inflatedBytes >> 20}MB@{(beforeImageData ? "before" : "after")}-idat";
    });

    /// <summary>
    /// An iCCP chunk whose profile inflates to <paramref name="inflatedBytes"/>: a plausible 132-byte ICC header that
    /// declares exactly that size (so libpng's header checks pass and it inflates the rest), then zeros.
    /// </summary>
    public static Mutated? PngIccBomb(byte[] input, long inflatedBytes) => PngMutations.Edit(input, (png, chunks) =>
    {
        var profile = ZlibBomb.Zeros(inflatedBytes, IccHeader((uint)Math.Min(inflatedBytes, uint.MaxValue)));
        chunks.RemoveAll(c => c.Type is "iCCP" or "sRGB");
        chunks.Insert(png.AfterHeader, PngChunk.Create("iCCP", [.. "icc"u8, 0, 0, .. profile]));
        return $"png.iCCP-bomb={inflatedBytes >> 20}MB";
    });

    public static Mutated? PngExif(byte[] input, Random random) => PngMutations.Edit(input, (png, chunks) =>
    {
        var kind = random.Pick(ExifBuilder.Kinds);
        var bigEndian = random.Next(2) == 0;
        chunks.Insert(png.AfterHeader, PngChunk.Create("eXIf", ExifBuilder.Build(kind, random, 1 << 20, bigEndian)));
        return $"png.eXIf:{kind}{(bigEndian ? "-MM" : "")}";
    });

    /// <summary>Many small APP segments, or a few of the largest size (64 KiB) a segment can have.</summary>
    public static Mutated? JpegAppFlood(byte[] input, Random random) => JpegMutations.Edit(input, (jpeg, segments) =>
    {
        var huge = random.Next(2) == 0;
        var count = huge ? random.Pick([16, 150]) : random.Pick([1_000, 30_000]);
        var marker = (byte)random.Pick([0xE1, 0xE2, 0xEB, 0xED, 0xEF, 0xFE]);
        var payload = huge ? random.Noise(65_533) : random.Noise(random.Next(0, 4));
        segments.InsertRange(1, Enumerable.Repeat(JpegSegment.Create(marker, payload), count));
        return $"jpeg.app-flood:{count}×{segments[1].Name}×{payload.Length}B";
    });

    public static Mutated? JpegExif(byte[] input, Random random) => JpegMutations.Edit(input, (jpeg, segments) =>
    {
        var kind = random.Pick(ExifBuilder.Kinds);
        var bigEndian = random.Next(2) == 0;
        byte[] payload = [.. "Exif\0\0"u8, .. ExifBuilder.Build(kind, random, 65_533 - 6, bigEndian)];
        segments.RemoveAll(s => s.Marker == 0xE1);
        var copies = random.Next(4) == 0 ? 2 : 1;
        segments.InsertRange(1, Enumerable.Repeat(JpegSegment.Create(0xE1, payload), copies));
        return $"jpeg.exif:{kind}{(bigEndian ? "-MM" : "")}{(copies > 1 ? "×2" : "")}";
    });

    /// <summary>
    /// ICC_PROFILE APP2 segments (ICC.1 Annex B.4: sequence number, total count) whose numbers repeat, skip or exceed
    /// the count, carrying a header that declares a huge profile.
    /// </summary>
    public static Mutated? JpegIccSequence(byte[] input, Random random) => JpegMutations.Edit(input, (jpeg, segments) =>
    {
        var total = (byte)random.Pick([0, 1, 2, 255]);
        var count = random.Pick([1, 2, 255]);
        var declared = random.Pick<uint>([0, 132, 1 << 20, 0x7FFF_FFFF, 0xFFFF_FFFF]);
        for (var i = 0; i < count; i++)
        {
            var sequence = (byte)random.Pick([0, 1, i + 1, 255]);
            byte[] payload = [.. "ICC_PROFILE\0"u8, sequence, total, .. (i == 0 ? IccHeader(declared) : random.Noise(random.Next(0, 60_000)))];
            segments.Insert(1 + i, JpegSegment.Create(0xE2, payload));
        }
        return $"jpeg.icc-app2:{count}-segments-of-{total}-declaring-{declared}B";
    });

    public static Mutated? WebpExif(byte[] input, Random random) => WebpMutations.Edit(input, chunks =>
    {
        var kind = random.Pick(ExifBuilder.Kinds);
        SetExtendedFlag(chunks, 0x08);
        chunks.RemoveAll(c => c.FourCc == "EXIF");
        chunks.Add(RiffChunk.Create("EXIF", ExifBuilder.Build(kind, random, 1 << 20)));
        return $"webp.exif:{kind}";
    });

    public static Mutated? WebpIcc(byte[] input, Random random) => WebpMutations.Edit(input, chunks =>
    {
        var declared = random.Pick<uint>([0, 132, 1 << 20, 0xFFFF_FFFF]);
        var length = random.Pick([0, 132, 4 << 20]);
        var data = length < 132 ? IccHeader(declared)[..length] : [.. IccHeader(declared), .. new byte[length - 132]];
        SetExtendedFlag(chunks, 0x20);
        chunks.RemoveAll(c => c.FourCc == "ICCP");
        chunks.Insert(1, RiffChunk.Create("ICCP", data));
        return $"webp.iccp:{length}B-declaring-{declared}B";
    });

    /// <summary>
    /// A 132-byte ICC header (ICC.1:2010 §7.2) that passes the usual sanity checks: declared size, version 2.1,
    /// display class, RGB data, XYZ connection space, 'acsp', D50 illuminant; zero tags.
    /// </summary>
    public static byte[] IccHeader(uint declaredSize)
    {
        var header = new byte[132];
        BinaryPrimitives.WriteUInt32BigEndian(header, declaredSize);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), 0x0210_0000);
        Encoding.ASCII.GetBytes("mntrRGB XYZ ").CopyTo(header, 12);
        Encoding.ASCII.GetBytes("acsp").CopyTo(header, 36);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(68), 0x0000_F6D6);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(72), 0x0001_0000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(76), 0x0000_D32D);
        return header;
    }

    private static void SetExtendedFlag(List<RiffChunk> chunks, byte flag)
    {
        var index = WebpMutations.EnsureExtendedHeader(chunks);
        var data = (byte[])chunks[index].Data.Clone();
        data[0] |= flag;
        chunks[index] = chunks[index] with { Data = data };
    }
}

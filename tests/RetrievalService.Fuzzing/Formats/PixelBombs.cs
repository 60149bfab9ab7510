using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// Small files that decode to the largest rasters the limits admit, or that make the decoder loop over such a
/// raster many times: the cost ceiling of a legal upload. Each replaces its input (except where it edits the
/// input's own header), so the label names only the bomb.
/// </summary>
public static class PixelBombs
{
    /// <summary>16 MP, the default <c>MaxPixels</c>: the largest raster a whole-image format may decode to.</summary>
    private static readonly (int Width, int Height)[] WholeImageShapes = [(4_000, 4_000), (16_000, 1_000)];

    private static readonly Lazy<byte[]> FlatGif = new(() => EncodeFlat(new GifEncoder()));
    private static readonly Lazy<byte[]> FlatLosslessWebp = new(() => EncodeFlat(new WebpEncoder { FileFormat = WebpFileFormatType.Lossless }));

    public static IReadOnlyList<Mutation> Png { get; } = [PngZeros];

    public static IReadOnlyList<Mutation> Jpeg { get; } = [ProgressiveScanBomb, ScaledSourceBomb];

    public static IReadOnlyList<Mutation> Gif { get; } = [(_, _) => new(FlatGif.Value, "gif.pixel-bomb:4000x4000-flat")];

    public static IReadOnlyList<Mutation> Webp { get; } = [(_, _) => new(FlatLosslessWebp.Value, "webp.pixel-bomb:4000x4000-flat-lossless")];

    public static IReadOnlyList<Mutation> Bmp { get; } = [BmpRleBomb];

    /// <summary>A valid RGBA PNG of zeros (filter 0 on every row): 64 MB of scanlines from about 62 KB.</summary>
    public static Mutated? PngZeros(byte[] input, Random random)
    {
        var (width, height) = random.Pick(WholeImageShapes);
        return new(ZeroPng(width, height), $"png.pixel-bomb:{width}x{height}-rgba-zeros");
    }

    public static byte[] ZeroPng(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 6;
        var scanlines = (long)height * (1 + 4L * width);
        return new PngFile(
            [PngChunk.Create("IHDR", header), PngChunk.Create("IDAT", ZlibBomb.Zeros(scanlines)), PngChunk.Create("IEND", [])], []).ToBytes();
    }

    /// <summary>
    /// A progressive JPEG declared at 16 MP whose last scan is repeated many times with no data: libjpeg consumes
    /// every scan over the whole coefficient buffer before the first row comes out, where no deadline can look.
    /// </summary>
    public static Mutated? ProgressiveScanBomb(byte[] input, Random random) => JpegMutations.Edit(input, (jpeg, segments) =>
    {
        var frame = jpeg.IndexOfFrame;
        var scan = segments.FindLastIndex(s => s.Marker == 0xDA);
        if (frame < 0 || scan < 0 || segments[frame].Marker != 0xC2 || segments[frame].Payload.Length < 6)
        {
            return null;
        }
        var payload = (byte[])segments[frame].Payload.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(1), 4_000);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(3), 4_000);
        segments[frame] = segments[frame] with { Payload = payload };
        var copies = random.Pick([10, 100, 1_000]);
        segments.InsertRange(scan + 1, Enumerable.Repeat(segments[scan] with { EntropyData = [] }, copies));
        return $"jpeg.progressive-scan-bomb:4000x4000×{copies}-empty-scans";
    });

    /// <summary>A baseline JPEG declaring 256 MP (the scaled-source limit) over a few KB of data; decoded at 1/8.</summary>
    public static Mutated? ScaledSourceBomb(byte[] input, Random random) => JpegMutations.Edit(input, (jpeg, segments) =>
    {
        var frame = jpeg.IndexOfFrame;
        if (frame < 0 || segments[frame].Marker != 0xC0 || segments[frame].Payload.Length < 6)
        {
            return null;
        }
        var (width, height) = random.Pick<(ushort, ushort)>([(16_000, 16_000), (20_000, 12_800)]);
        var payload = (byte[])segments[frame].Payload.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(1), height);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(3), width);
        segments[frame] = segments[frame] with { Payload = payload };
        return $"jpeg.scaled-source-bomb:{width}x{height}";
    });

    /// <summary>
    /// An 8-bit RLE BMP of 4000×4000: either a single end-of-bitmap escape (00 01), about 1 KB that the decoder must
    /// expand to 16 MP, or every row as full-length runs (about 70 KB).
    /// </summary>
    public static Mutated? BmpRleBomb(byte[] input, Random random)
    {
        const int paletteBytes = 256 * 4;
        const int pixelOffset = 14 + 40 + paletteBytes;
        var data = random.Next(2) == 0 ? [0x00, 0x01] : RleRows(4_000, 4_000);
        var bmp = new byte[pixelOffset + data.Length];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), pixelOffset);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 4_000);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), 4_000);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 8);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(30), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), data.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(46), 256);
        data.CopyTo(bmp, pixelOffset);
        return new(bmp, $"bmp.rle8-bomb:4000x4000-{(data.Length == 2 ? "end-of-bitmap" : "runs")}");
    }

    /// <summary>Every row as runs of at most 255 pixels of colour 7, then end-of-line (00 00); end-of-bitmap (00 01) last.</summary>
    private static byte[] RleRows(int width, int height)
    {
        var row = new List<byte>();
        for (var left = width; left > 0; left -= 255)
        {
            row.AddRange([(byte)Math.Min(255, left), 0x07]);
        }
        row.AddRange([0x00, 0x00]);
        return [.. Enumerable.Repeat(row, height).SelectMany(r => r), 0x00, 0x01];
    }

    private static byte[] EncodeFlat(IImageEncoder encoder)
    {
        using var image = new Image<Rgba32>(4_000, 4_000, new Rgba32(90, 120, 200, 255));
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }
}

using System.Buffers.Binary;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// Walks a JPEG's marker segments and entropy-coded data without decoding a coefficient. libjpeg-turbo treats
/// damaged data as a warning and returns grey or smeared rows, so a file with noise in it, or a frame header that
/// declares more pixels than the data holds, would otherwise be embedded and indexed as if it were whole.
/// </summary>
internal static class JpegStructure
{
    /// <summary>More scans than any encoder writes (libjpeg's progressive script has 10, mozjpeg's searches stay under 70).</summary>
    public const int MaxScans = 100;

    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte FirstRestart = 0xD0;
    private const byte LastRestart = 0xD7;

    /// <summary>What the walk learned: whether the frame is progressive, and how many 8×8 blocks it declares.</summary>
    public readonly record struct Layout(bool Progressive, long Blocks)
    {
        /// <summary>What libjpeg-turbo holds while a progressive frame's scans arrive: every coefficient, 2 bytes each.</summary>
        public long CoefficientBytes => Blocks * 64 * 2;
    }

    /// <summary>
    /// A file without its end-of-image marker is refused as truncated: libjpeg-turbo cannot finish the last row of
    /// blocks without it, and a cut just before the marker cannot be told from a cut inside the last row.
    /// </summary>
    /// <exception cref="ImageRejectedException">A segment is cut short, the end marker is missing, a marker appears
    /// where none may, there are too many scans, or a baseline frame declares more blocks than its data can hold.</exception>
    public static Layout Read(ReadOnlySpan<byte> jpeg)
    {
        JpegFrame? frame = null;
        var scans = 0;
        long entropyBytes = 0;
        var position = 2;
        while (true)
        {
            if (position >= jpeg.Length)
            {
                throw Corrupt(frame is null ? "ends before its first scan" : "is truncated: it ends without its end-of-image marker");
            }
            if (jpeg[position] != Marker)
            {
                throw Corrupt($"has data where a marker belongs (offset {position})");
            }
            while (position < jpeg.Length && jpeg[position] == Marker)
            {
                position++; // fill bytes before a marker are legal
            }
            if (position >= jpeg.Length)
            {
                throw Corrupt("ends inside a marker");
            }
            var marker = jpeg[position++];
            if (marker == EndOfImage)
            {
                return frame is null || scans == 0 ? throw Corrupt("ends before its first scan") : Finish(frame, entropyBytes);
            }
            if (marker is 0x00 or StartOfImage or 0x01 || (marker >= FirstRestart && marker <= LastRestart) || marker < 0xC0)
            {
                throw Corrupt($"has marker 0xFF{marker:X2} where none may be (offset {position - 1})");
            }
            if (position + 2 > jpeg.Length)
            {
                throw Corrupt("is cut inside a segment header");
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[position..]);
            if (length < 2 || position + length > jpeg.Length)
            {
                throw Corrupt($"has a segment 0xFF{marker:X2} of length {length} that runs past the file (offset {position})");
            }
            if (JpegFrame.IsStartOfFrame(marker))
            {
                if (frame is not null)
                {
                    throw Corrupt("declares a second frame");
                }
                frame = JpegFrame.Parse(marker, jpeg.Slice(position + 2, length - 2)) ?? throw Corrupt("has a malformed frame header");
            }
            position += length;
            if (marker == StartOfScan)
            {
                if (frame is null)
                {
                    throw Corrupt("starts a scan before its frame header");
                }
                if (++scans > MaxScans)
                {
                    throw Corrupt($"has more than {MaxScans} scans");
                }
                var end = SkipEntropyCodedData(jpeg, position);
                entropyBytes += end - position;
                position = end;
            }
        }
    }

    // Huffman coding spends at least one bit on each block's DC difference and one on its end-of-block code, so a
    // sequential frame needs 2 bits per block. The block count here pads every component to whole MCUs, which can
    // overcount a non-interleaved file, so only half that is required: a header declaring more blocks than even that
    // describes data that is not there (libjpeg-turbo would fill the rest with grey and call it a success).
    private static Layout Finish(JpegFrame frame, long entropyBytes)
    {
        if (frame.Sequential && frame.Huffman && frame.Blocks > 0 && entropyBytes * 8 < frame.Blocks)
        {
            throw Corrupt($"declares {frame.Width}×{frame.Height} pixels ({frame.Blocks} blocks), but its {entropyBytes} bytes of coded data cannot hold them");
        }
        return new Layout(frame.Progressive, frame.Blocks);
    }

    /// <summary>Returns the offset of the marker that ends the scan, or the file's length when it is cut.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> jpeg, int position)
    {
        var expectedRestart = 0;
        while (true)
        {
            var next = jpeg[position..].IndexOf(Marker);
            if (next < 0 || position + next + 1 >= jpeg.Length)
            {
                return jpeg.Length;
            }
            position += next;
            var code = jpeg[position + 1];
            if (code == 0x00)
            {
                position += 2; // a stuffed 0xFF data byte
                continue;
            }
            if (code >= FirstRestart && code <= LastRestart)
            {
                if (code - FirstRestart != expectedRestart)
                {
                    throw Corrupt($"has restart marker {code - FirstRestart} where {expectedRestart} belongs (offset {position})");
                }
                expectedRestart = (expectedRestart + 1) % 8;
                position += 2;
                continue;
            }
            return position;
        }
    }

    private static ImageRejectedException Corrupt(string what) =>
        new(ImageRejectionReason.Corrupt, $"The JPEG is corrupt: it {what}; check that the whole file was sent unmodified.");
}

using System.Buffers.Binary;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// The dimensions from a PNG's IHDR and the orientation from an eXIf chunk before the pixel data, read by walking
/// chunk headers only: no chunk is inflated, so metadata bombs cost nothing here.
/// </summary>
internal static class PngHeader
{
    private const int SignatureLength = 8;

    public readonly record struct Info(int Width, int Height, Orientation? Orientation);

    /// <exception cref="ImageRejectedException">The file is cut before its IHDR ends, or IHDR is not the first chunk.</exception>
    public static Info Read(ReadOnlySpan<byte> png)
    {
        if (png.Length < SignatureLength + 8 + 13 || !png.Slice(SignatureLength + 4, 4).SequenceEqual("IHDR"u8))
        {
            throw new ImageRejectedException(ImageRejectionReason.Corrupt,
                "The PNG image is corrupt: it ends before its header (IHDR) does; check that the whole file was sent.");
        }
        var width = BinaryPrimitives.ReadInt32BigEndian(png[16..]);
        var height = BinaryPrimitives.ReadInt32BigEndian(png[20..]);
        return new Info(width, height, FindOrientation(png));
    }

    private static Orientation? FindOrientation(ReadOnlySpan<byte> png)
    {
        long position = SignatureLength;
        while (position + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[(int)position..]);
            var type = png.Slice((int)position + 4, 4);
            var data = position + 8;
            if (type.SequenceEqual("IDAT"u8) || data + length > png.Length)
            {
                return null;
            }
            if (type.SequenceEqual("eXIf"u8))
            {
                return ExifOrientationReader.Read(png.Slice((int)data, (int)length));
            }
            position = data + length + 4;
        }
        return null;
    }
}

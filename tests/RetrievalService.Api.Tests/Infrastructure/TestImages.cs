using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>Generated query images: transformed views of photos, tricky-but-valid encodings, and hostile files.</summary>
internal static class TestImages
{
    /// <summary>A different view of a photo: the central crop of <paramref name="keep"/> of each side, rescaled by <paramref name="scale"/>, re-encoded as JPEG.</summary>
    public static byte[] CropAndRescale(byte[] photo, double keep, double scale)
    {
        using var image = Image.Load<Rgb24>(photo);
        var (w, h) = ((int)(image.Width * keep), (int)(image.Height * keep));
        image.Mutate(x => x
            .Crop(new Rectangle((image.Width - w) / 2, (image.Height - h) / 2, w, h))
            .Resize((int)(w * scale), (int)(h * scale)));
        return Jpeg(image);
    }

    /// <summary>
    /// The photo stored rotated 90° counter-clockwise with EXIF orientation 6 ("rotate 90° clockwise to display"):
    /// a viewer that honours EXIF shows the original upright.
    /// </summary>
    public static byte[] ExifRotated(byte[] photo, bool withTag = true)
    {
        using var image = Image.Load<Rgb24>(photo);
        image.Mutate(x => x.Rotate(RotateMode.Rotate270));
        if (withTag)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        }
        return Jpeg(image);
    }

    public static byte[] Cmyk(byte[] photo)
    {
        using var image = Image.Load<Rgb24>(photo);
        using var stream = new MemoryStream();
        image.Save(stream, new JpegEncoder { ColorType = JpegColorType.Cmyk, Quality = 90 });
        return stream.ToArray();
    }

    public static byte[] Png16Bit(byte[] photo)
    {
        using var image = Image.Load<Rgb48>(photo);
        using var stream = new MemoryStream();
        image.Save(stream, new PngEncoder { BitDepth = PngBitDepth.Bit16, ColorType = PngColorType.Rgb });
        return stream.ToArray();
    }

    public static byte[] AnimatedGif(byte[] firstFramePhoto)
    {
        using var first = Image.Load<Rgba32>(firstFramePhoto);
        first.Mutate(x => x.Resize(160, 0));
        using var animation = first.Clone();
        using (var second = new Image<Rgba32>(animation.Width, animation.Height, new Rgba32(0, 0, 255)))
        {
            animation.Frames.AddFrame(second.Frames.RootFrame);
        }
        using var stream = new MemoryStream();
        animation.Save(stream, new GifEncoder());
        return stream.ToArray();
    }

    /// <summary>A valid PNG of one colour: it compresses to almost nothing whatever its size (a decompression bomb when large).</summary>
    public static byte[] FlatPng(int width, int height)
    {
        using var image = new Image<L8>(width, height);
        using var stream = new MemoryStream();
        image.Save(stream, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8, CompressionLevel = PngCompressionLevel.BestCompression });
        return stream.ToArray();
    }

    public static byte[] Jpeg(Image image, int quality = 90)
    {
        using var stream = new MemoryStream();
        image.Save(stream, new JpegEncoder { Quality = quality });
        return stream.ToArray();
    }

    public static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Fuzzing.Seeds;

/// <summary>
/// The fuzz seeds: each real photo shrunk to <see cref="LongerSide"/> px (small keeps the loop fast) and encoded
/// in every variant the service accepts, plus one progressive JPEG photo used as is. Deterministic: the same
/// pool gives the same bytes.
/// </summary>
public static class SeedCorpus
{
    public const int LongerSide = 160;

    public static IReadOnlyList<Seed> Build(string debsDirectory)
    {
        var seeds = new List<Seed>();
        foreach (var relative in SeedPhotos.ReEncoded)
        {
            var path = SeedPhotos.Resolve(debsDirectory, relative);
            using var photo = Image.Load<Rgba32>(path);
            photo.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(LongerSide, LongerSide), Mode = ResizeMode.Max }));
            var name = Path.GetFileNameWithoutExtension(path);
            seeds.AddRange(Encodings.Select(e => new Seed($"{name}.{e.Name}", e.Format, e.Encode(photo))));
        }
        var progressive = SeedPhotos.Resolve(debsDirectory, SeedPhotos.Progressive);
        seeds.Add(new Seed($"{Path.GetFileNameWithoutExtension(progressive)}.jpeg-progressive", ImageFormatKind.Jpeg, File.ReadAllBytes(progressive)));
        return seeds;
    }

    private sealed record SeedEncoding(string Name, ImageFormatKind Format, Func<Image<Rgba32>, byte[]> Encode);

    private static readonly SeedEncoding[] Encodings =
    [
        new("jpeg-baseline-420", ImageFormatKind.Jpeg, p => Save(p, new JpegEncoder { Quality = 85, ColorType = JpegColorType.YCbCrRatio420 })),
        new("jpeg-baseline-444", ImageFormatKind.Jpeg, p => Save(p, new JpegEncoder { Quality = 90, ColorType = JpegColorType.YCbCrRatio444 })),
        new("jpeg-grey", ImageFormatKind.Jpeg, p => Save(p, new JpegEncoder { Quality = 85, ColorType = JpegColorType.Luminance })),
        new("jpeg-exif-orientation-6", ImageFormatKind.Jpeg, WithOrientation6),
        new("png-rgb", ImageFormatKind.Png, p => Save(p, new PngEncoder { ColorType = PngColorType.Rgb })),
        new("png-rgba", ImageFormatKind.Png, p => SaveWithAlphaGradient(p, new PngEncoder { ColorType = PngColorType.RgbWithAlpha })),
        new("png-palette", ImageFormatKind.Png, p => Save(p, new PngEncoder { ColorType = PngColorType.Palette })),
        new("png-interlaced", ImageFormatKind.Png, p => Save(p, new PngEncoder { ColorType = PngColorType.Rgb, InterlaceMethod = PngInterlaceMode.Adam7 })),
        new("png-grey16", ImageFormatKind.Png, p => Save(p, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit16 })),
        new("gif-2-frames", ImageFormatKind.Gif, TwoFrameGif),
        new("webp-lossy", ImageFormatKind.Webp, p => Save(p, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = 75 })),
        new("webp-lossy-alpha", ImageFormatKind.Webp, p => SaveWithAlphaGradient(p, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = 75 })),
        new("webp-lossless", ImageFormatKind.Webp, p => Save(p, new WebpEncoder { FileFormat = WebpFileFormatType.Lossless })),
        new("bmp-24", ImageFormatKind.Bmp, p => Save(p, new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel24 })),
    ];

    private static byte[] Save(Image image, IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }

    /// <summary>Orientation 6 (rotate 90° clockwise to display), the tag phones write for portrait shots.</summary>
    private static byte[] WithOrientation6(Image<Rgba32> photo)
    {
        using var copy = photo.Clone();
        copy.Metadata.ExifProfile = new ExifProfile();
        copy.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        return Save(copy, new JpegEncoder { Quality = 85 });
    }

    /// <summary>Alpha falling from opaque on the left to transparent on the right, so alpha compositing matters.</summary>
    private static byte[] SaveWithAlphaGradient(Image<Rgba32> photo, IImageEncoder encoder)
    {
        using var copy = photo.Clone();
        copy.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x].A = (byte)(255 - 255 * x / Math.Max(1, row.Length - 1));
                }
            }
        });
        return Save(copy, encoder);
    }

    /// <summary>Two frames (the photo, then it mirrored), 100 ms each, looping: an animated GIF's first frame is what counts.</summary>
    private static byte[] TwoFrameGif(Image<Rgba32> photo)
    {
        using var gif = photo.Clone();
        using var mirrored = photo.Clone(x => x.Flip(FlipMode.Horizontal));
        gif.Frames.AddFrame(mirrored.Frames.RootFrame);
        foreach (var frame in gif.Frames)
        {
            frame.Metadata.GetGifMetadata().FrameDelay = 10;
        }
        gif.Metadata.GetGifMetadata().RepeatCount = 0;
        return Save(gif, new GifEncoder());
    }
}

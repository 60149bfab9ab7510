using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using RetrievalService.Embedding.Images;

namespace RetrievalService.Embedding.Tests;

/// <summary>Generated images and their encodings; every test image is built here, none is checked in.</summary>
internal static class TestImages
{
    public static readonly RgbColor White = new(255, 255, 255);

    /// <summary>The pipeline with default (upload) limits.</summary>
    public static readonly ImagePipeline Pipeline = new(new ImageDecodeLimits());

    /// <summary>Encoders that keep pixels exact, plus JPEG (lossy; compare with a tolerance).</summary>
    public static IImageEncoder Encoder(string format) => format switch
    {
        "png" => new PngEncoder(),
        "bmp" => new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel32 },
        "tiff" => new TiffEncoder(),
        "webp" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossless },
        "gif" => new GifEncoder(),
        "jpeg" => new JpegEncoder { Quality = 100 },
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static byte[] Encode<TPixel>(Image<TPixel> image, string format)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var stream = new MemoryStream();
        image.Save(stream, Encoder(format));
        return stream.ToArray();
    }

    public static Image<Rgba32> FromPixels(int width, int height, params Rgba32[] pixels) =>
        Image.LoadPixelData<Rgba32>(pixels, width, height);

    /// <summary>Each pixel's colour encodes its position, so any flip or rotation is visible.</summary>
    public static Image<Rgba32> Positional(int width, int height)
    {
        var pixels = new Rgba32[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = ColourAt(i % width, i / width);
        }
        return Image.LoadPixelData<Rgba32>(pixels, width, height);
    }

    public static Rgba32 ColourAt(int x, int y) => new((byte)(40 * x + 10), (byte)(60 * y + 10), 200, 255);

    /// <summary>A smooth pattern that varies by seed and size, for embeddings of many distinct images.</summary>
    public static byte[] SmoothPng(int seed, int width, int height)
    {
        var pixels = new Rgba32[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            var (x, y) = (i % width, i / width);
            pixels[i] = new Rgba32((byte)((x * 7 + seed * 13) % 256), (byte)((y * 5 + seed * 29) % 256), (byte)((x + y + seed) % 256), 255);
        }
        using var image = Image.LoadPixelData<Rgba32>(pixels, width, height);
        return Encode(image, "png");
    }

    public static Rgb24[] Pixels(RgbRaster raster)
    {
        var bytes = raster.Pixels;
        var pixels = new Rgb24[raster.Width * raster.Height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = new Rgb24(bytes[3 * i], bytes[3 * i + 1], bytes[3 * i + 2]);
        }
        return pixels;
    }

    /// <summary>Decodes at full resolution through the pipeline.</summary>
    public static RgbRaster Decode(byte[] bytes, ImagePipeline? pipeline = null) => (pipeline ?? Pipeline).Decode(bytes, White);

    /// <summary>The reason the pipeline refuses <paramref name="bytes"/>.</summary>
    public static ImageRejectedException Rejection(ReadOnlyMemory<byte> bytes, ImagePipeline? pipeline = null) =>
        Assert.Throws<ImageRejectedException>(() => (pipeline ?? Pipeline).Prepare(bytes, new Manifests.InputConvention()).Dispose());
}

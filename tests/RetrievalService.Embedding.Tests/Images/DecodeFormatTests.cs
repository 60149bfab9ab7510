using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Tests.Images;

public sealed class DecodeFormatTests
{
    [Theory]
    [InlineData("png", "PNG")]
    [InlineData("bmp", "BMP")]
    [InlineData("webp", "WebP")]
    [InlineData("gif", "GIF")]
    public void Each_lossless_format_round_trips_pixel_for_pixel(string format, string expectedName)
    {
        // Few, well-separated colours, so GIF's palette keeps them exactly.
        using var source = TestImages.FromPixels(3, 2,
            new Rgba32(255, 0, 0), new Rgba32(0, 255, 0), new Rgba32(0, 0, 255),
            new Rgba32(0, 0, 0), new Rgba32(255, 255, 255), new Rgba32(255, 255, 0));
        var bytes = TestImages.Encode(source, format);
        using var decoded = TestImages.Decode(bytes);
        Assert.Equal(
            [new(255, 0, 0), new(0, 255, 0), new(0, 0, 255), new(0, 0, 0), new(255, 255, 255), new Rgb24(255, 255, 0)],
            TestImages.Pixels(decoded));
        using var prepared = TestImages.Pipeline.Prepare(bytes, new Manifests.InputConvention { MinSide = 1, RecommendedLongerSide = 3 });
        Assert.Equal(expectedName, prepared.Format);
    }

    [Fact]
    public void Jpeg_round_trips_within_compression_error()
    {
        using var source = new Image<Rgba32>(16, 16, new Rgba32(200, 100, 50));
        using var decoded = TestImages.Decode(TestImages.Encode(source, "jpeg"));
        Assert.All(TestImages.Pixels(decoded), p =>
        {
            Assert.InRange(p.R, 197, 203);
            Assert.InRange(p.G, 97, 103);
            Assert.InRange(p.B, 47, 53);
        });
    }

    [Fact]
    public void A_multi_frame_gif_decodes_to_its_first_frame()
    {
        using var animation = new Image<Rgba32>(4, 4, new Rgba32(255, 0, 0));
        using (var second = new Image<Rgba32>(4, 4, new Rgba32(0, 0, 255)))
        {
            animation.Frames.AddFrame(second.Frames.RootFrame);
        }
        var bytes = TestImages.Encode(animation, "gif");
        Assert.Equal(2, Image.Load(bytes).Frames.Count);
        using var decoded = TestImages.Decode(bytes);
        Assert.All(TestImages.Pixels(decoded), p => Assert.Equal(new Rgb24(255, 0, 0), p));
    }

    [Fact]
    public void Random_bytes_are_rejected_as_an_unsupported_format_listing_what_is_read()
    {
        var bytes = new byte[512];
        new Random(7).NextBytes(bytes);
        var error = TestImages.Rejection(bytes);
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, error.Reason);
        Assert.Contains("JPEG, PNG, WebP, GIF or BMP", error.Message);
    }

    [Fact]
    public void Bytes_that_only_look_like_a_wbmp_header_are_not_handed_to_a_decoder()
    {
        // Skia would read two zero bytes and two small numbers as a WBMP picture of noise.
        var bytes = new byte[5000];
        new Random(3).NextBytes(bytes);
        bytes[0] = 0;
        bytes[1] = 0;
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, TestImages.Rejection(bytes).Reason);
    }

    [Fact]
    public void A_text_file_is_rejected_as_an_unsupported_format() =>
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, TestImages.Rejection("Hello, this is not an image.\n"u8.ToArray()).Reason);

    [Theory]
    [InlineData("heic", "HEIC/HEIF")]
    [InlineData("mif1", "HEIC/HEIF")]
    [InlineData("avif", "AVIF")]
    public void Iso_media_images_are_refused_naming_their_format_and_what_to_send(string brand, string named)
    {
        byte[] bytes = [0, 0, 0, 0x18, .. "ftyp"u8, .. System.Text.Encoding.ASCII.GetBytes(brand), 0, 0, 0, 0, .. new byte[64]];
        var error = TestImages.Rejection(bytes);
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, error.Reason);
        Assert.Contains(named, error.Message);
        Assert.Contains("JPEG", error.Message);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", "SVG")]
    [InlineData("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj", "PDF")]
    public void Vector_documents_are_refused_naming_their_format(string text, string named)
    {
        var error = TestImages.Rejection(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, error.Reason);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_tiff_is_refused_naming_its_format()
    {
        using var source = new Image<Rgba32>(4, 4);
        var error = TestImages.Rejection(TestImages.Encode(source, "tiff"));
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, error.Reason);
        Assert.Contains("TIFF", error.Message);
    }

    [Fact]
    public void A_format_outside_the_five_is_rejected_even_though_a_library_could_read_it()
    {
        using var source = new Image<Rgba32>(4, 4);
        using var stream = new MemoryStream();
        source.Save(stream, new SixLabors.ImageSharp.Formats.Tga.TgaEncoder());
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, TestImages.Rejection(stream.ToArray()).Reason);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("gif")]
    [InlineData("webp")]
    [InlineData("bmp")]
    public void A_file_cut_in_the_middle_of_its_pixel_data_is_rejected_as_corrupt(string format)
    {
        var bytes = EncodedPositional(format);
        Assert.Equal(ImageRejectionReason.Corrupt, TestImages.Rejection(bytes.AsMemory(0, bytes.Length / 2)).Reason);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("gif")]
    [InlineData("webp")]
    [InlineData("bmp")]
    public void A_file_cut_inside_its_header_is_rejected_as_corrupt(string format)
    {
        var bytes = EncodedPositional(format);
        Assert.Equal(ImageRejectionReason.Corrupt, TestImages.Rejection(bytes.AsMemory(0, 20)).Reason);
    }

    private static byte[] EncodedPositional(string format)
    {
        // Noise makes the compressed data long enough that half of it leaves rows missing.
        var random = new Random(11);
        var pixels = new Rgba32[96 * 96];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = new Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 255);
        }
        using var source = Image.LoadPixelData<Rgba32>(pixels, 96, 96);
        return TestImages.Encode(source, format);
    }
}

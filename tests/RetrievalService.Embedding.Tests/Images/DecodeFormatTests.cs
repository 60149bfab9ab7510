using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Tests.Images;

public sealed class DecodeFormatTests
{
    private static readonly ImageDecoder Decoder = new(new ImageDecodeLimits());

    [Theory]
    [InlineData("png", "PNG")]
    [InlineData("bmp", "BMP")]
    [InlineData("tiff", "TIFF")]
    [InlineData("webp", "Webp")]
    [InlineData("gif", "GIF")]
    public void Each_lossless_format_round_trips_pixel_for_pixel(string format, string expectedName)
    {
        // Few, well-separated colours, so GIF's palette keeps them exactly.
        using var source = TestImages.FromPixels(3, 2,
            new Rgba32(255, 0, 0), new Rgba32(0, 255, 0), new Rgba32(0, 0, 255),
            new Rgba32(0, 0, 0), new Rgba32(255, 255, 255), new Rgba32(255, 255, 0));
        using var decoded = Decoder.Decode(TestImages.Encode(source, format), TestImages.White);
        Assert.Equal(expectedName, decoded.Format, ignoreCase: true);
        Assert.Equal(
            [new(255, 0, 0), new(0, 255, 0), new(0, 0, 255), new(0, 0, 0), new(255, 255, 255), new Rgb24(255, 255, 0)],
            TestImages.Pixels(decoded.Image));
    }

    [Fact]
    public void Jpeg_round_trips_within_compression_error()
    {
        using var source = new Image<Rgba32>(16, 16, new Rgba32(200, 100, 50));
        using var decoded = Decoder.Decode(TestImages.Encode(source, "jpeg"), TestImages.White);
        Assert.Equal("JPEG", decoded.Format);
        Assert.All(TestImages.Pixels(decoded.Image), p =>
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
        using var decoded = Decoder.Decode(bytes, TestImages.White);
        Assert.Equal(1, decoded.Image.Frames.Count);
        Assert.All(TestImages.Pixels(decoded.Image), p => Assert.Equal(new Rgb24(255, 0, 0), p));
    }

    [Fact]
    public void Random_bytes_are_rejected_as_an_unsupported_format()
    {
        var bytes = new byte[512];
        new Random(7).NextBytes(bytes);
        var error = Assert.Throws<ImageRejectedException>(() => Decoder.Decode(bytes, TestImages.White));
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, error.Reason);
        Assert.Contains("JPEG, PNG, WebP, GIF, BMP, TIFF", error.Message);
    }

    [Fact]
    public void A_text_file_is_rejected_as_an_unsupported_format()
    {
        var error = Assert.Throws<ImageRejectedException>(() => Decoder.Decode("Hello, this is not an image.\n"u8.ToArray(), TestImages.White));
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, error.Reason);
    }

    [Fact]
    public void A_format_outside_the_six_is_rejected_even_though_ImageSharp_could_read_it()
    {
        using var source = new Image<Rgba32>(4, 4);
        using var stream = new MemoryStream();
        source.Save(stream, new SixLabors.ImageSharp.Formats.Tga.TgaEncoder());
        var error = Assert.Throws<ImageRejectedException>(() => Decoder.Decode(stream.ToArray(), TestImages.White));
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, error.Reason);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("webp")]
    [InlineData("tiff")]
    public void A_file_cut_in_the_middle_of_its_pixel_data_is_rejected_as_corrupt(string format)
    {
        var bytes = EncodedPositional(format);
        var error = Assert.Throws<ImageRejectedException>(() => Decoder.Decode(bytes.AsMemory(0, bytes.Length / 2), TestImages.White));
        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
    }

    // ImageSharp 2.x fills a JPEG, GIF or BMP cut inside its pixel data with blank pixels rather than
    // failing, so for those formats only a damaged header is an error.
    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("gif")]
    [InlineData("webp")]
    [InlineData("bmp")]
    [InlineData("tiff")]
    public void A_file_cut_inside_its_header_is_rejected_as_corrupt(string format)
    {
        var bytes = EncodedPositional(format);
        var error = Assert.Throws<ImageRejectedException>(() => Decoder.Decode(bytes.AsMemory(0, 20), TestImages.White));
        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
    }

    private static byte[] EncodedPositional(string format)
    {
        using var source = TestImages.Positional(64, 64);
        return TestImages.Encode(source, format);
    }
}

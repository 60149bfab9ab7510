using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Tests.Images;

public sealed class AlphaCompositorTests
{
    [Fact]
    public void Transparent_pixels_take_the_background_and_opaque_pixels_keep_their_colour()
    {
        using var source = TestImages.FromPixels(4, 1,
            new Rgba32(10, 20, 30, 0), new Rgba32(10, 20, 30, 255), new Rgba32(0, 0, 0, 128), new Rgba32(255, 255, 255, 64));
        using var flat = new ImagePipeline(new ImageDecodeLimits()).Decode(TestImages.Encode(source, "png"), new RgbColor(255, 128, 0));

        // 128/255 of black over (255, 128, 0): 255·127/255 = 127; 128·127/255 ≈ 63.75 → 64.
        // 64/255 of white over (255, 128, 0): (255·64 + 128·191 + 127)/255 = 160; (255·64 + 127)/255 = 64.
        Assert.Equal(
            [new(255, 128, 0), new(10, 20, 30), new(127, 64, 0), new Rgb24(255, 160, 64)],
            TestImages.Pixels(flat));
    }

    [Fact]
    public void A_transparent_png_decodes_onto_the_background_it_is_given()
    {
        using var source = TestImages.FromPixels(2, 1, new Rgba32(0, 0, 0, 0), new Rgba32(0, 255, 0, 255));
        using var decoded = TestImages.Pipeline.Decode(TestImages.Encode(source, "png"), new RgbColor(12, 34, 56));

        Assert.Equal([new(12, 34, 56), new Rgb24(0, 255, 0)], TestImages.Pixels(decoded));
    }

    [Fact]
    public void The_manifest_background_must_have_three_channels()
    {
        Assert.Equal(new RgbColor(1, 2, 3), AlphaCompositor.Background([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => AlphaCompositor.Background([1, 2]));
    }
}

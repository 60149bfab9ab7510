using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Embedding.Tests.Images;

public sealed class PreprocessingTests
{
    [Fact]
    public void A_4x2_raster_becomes_three_row_major_planes_of_raw_0_to_255_values()
    {
        using var raster = RgbRaster.FromRgb(4, 2,
        [
            255, 0, 0, 0, 255, 0, 0, 0, 255, 1, 2, 3,
            10, 20, 30, 40, 50, 60, 255, 255, 255, 0, 0, 0,
        ]);

        using var tensor = BicubicResampler.Resize(raster, new PixelSize(4, 2));

        Assert.Equal((4, 2, 24), (tensor.Width, tensor.Height, tensor.Length));
        Assert.Equal(
        [
            255, 0, 0, 1, 10, 40, 255, 0,
            0, 255, 0, 2, 20, 50, 255, 0,
            0, 0, 255, 3, 30, 60, 255, 0,
        ], tensor.Pixels.ToArray());
    }

    [Fact]
    public void A_horizontal_gradient_is_resized_to_the_policy_size_and_stays_a_horizontal_gradient()
    {
        var rgb = new byte[64 * 32 * 3];
        for (var i = 0; i < 64 * 32; i++)
        {
            (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = ((byte)(4 * (i % 64)), 100, 0);
        }
        using var raster = RgbRaster.FromRgb(64, 32, rgb);

        using var tensor = ImagePipeline.ToTensor(raster, longerSide: 32, minSide: 8);

        Assert.Equal((32, 16), (tensor.Width, tensor.Height));
        var planes = tensor.Pixels.ToArray();
        var plane = 32 * 16;
        var firstRow = planes[..32];
        for (var y = 1; y < 16; y++)
        {
            Assert.Equal(firstRow, planes[(y * 32)..((y + 1) * 32)]);
        }
        for (var x = 1; x < 32; x++)
        {
            Assert.True(firstRow[x] > firstRow[x - 1], $"red must increase along x: {string.Join(",", firstRow)}");
        }
        Assert.All(planes[plane..(2 * plane)], g => Assert.Equal(100f, g));
        Assert.All(planes[(2 * plane)..], b => Assert.Equal(0f, b));
    }

    [Fact]
    public void A_small_raster_is_upscaled_so_its_longer_side_is_S()
    {
        using var raster = RgbRaster.FromRgb(10, 5, Enumerable.Repeat(new byte[] { 50, 60, 70 }, 50).SelectMany(p => p).ToArray());

        using var tensor = ImagePipeline.ToTensor(raster, longerSide: 40, minSide: 2);

        Assert.Equal((40, 20), (tensor.Width, tensor.Height));
        Assert.All(tensor.Pixels.ToArray()[..800], r => Assert.Equal(50f, r));
    }

    // The models were trained and their galleries indexed with ImageSharp 2.1's bicubic resize; the pipeline's own
    // resampler must reproduce it, or every vector would move. Rounding order may differ by one level, no more.
    [Theory]
    [InlineData(640, 480, 224, 168)]
    [InlineData(300, 500, 134, 224)]
    [InlineData(100, 60, 224, 134)]
    [InlineData(1500, 1000, 224, 149)]
    public void The_resize_matches_imagesharp_bicubic_to_one_level(int width, int height, int targetWidth, int targetHeight)
    {
        var random = new Random(width + height);
        var rgb = new byte[3 * width * height];
        for (var i = 0; i < rgb.Length; i++)
        {
            // Smooth structure plus noise: both edges and flat areas.
            rgb[i] = (byte)Math.Clamp((i / 3 % width) * 255 / width + random.Next(-40, 41), 0, 255);
        }
        using var raster = RgbRaster.FromRgb(width, height, rgb);
        using var ours = BicubicResampler.Resize(raster, new PixelSize(targetWidth, targetHeight));
        using var image = Image.LoadPixelData<Rgb24>(rgb, width, height);
        image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(targetWidth, targetHeight), Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Bicubic }));

        var plane = targetWidth * targetHeight;
        var tensor = ours.Pixels.Span;
        var worst = 0f;
        var differing = 0;
        for (var y = 0; y < targetHeight; y++)
        {
            for (var x = 0; x < targetWidth; x++)
            {
                var p = image[x, y];
                var at = y * targetWidth + x;
                foreach (var (mine, theirs) in new[] { (tensor[at], p.R), (tensor[plane + at], p.G), (tensor[2 * plane + at], p.B) })
                {
                    var difference = Math.Abs(mine - theirs);
                    worst = Math.Max(worst, difference);
                    differing += difference > 0 ? 1 : 0;
                }
            }
        }
        Assert.True(worst <= 1f, $"largest difference {worst} levels");
        Assert.True(differing < 3 * plane / 100, $"{differing} of {3 * plane} values differ");
    }

    [Fact]
    public void A_disposed_tensor_cannot_be_read()
    {
        var tensor = PreprocessedImage.FromPlanes(1, 1, [1f, 2f, 3f]);
        tensor.Dispose();
        tensor.Dispose();
        Assert.Throws<ObjectDisposedException>(() => tensor.Pixels);
    }

    [Fact]
    public void An_image_prepared_for_a_model_has_the_manifest_size()
    {
        using var prepared = TestImages.Pipeline.Prepare(TestImages.SmoothPng(1, 48, 20), new InputConvention { MinSide = 8, RecommendedLongerSide = 32 });
        Assert.Equal((32, 13), (prepared.Tensor.Width, prepared.Tensor.Height));
        Assert.Equal(new PixelSize(48, 20), prepared.DecodedSize);
    }
}

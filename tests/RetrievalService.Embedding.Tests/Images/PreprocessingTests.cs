using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Tests.Images;

public sealed class PreprocessingTests
{
    [Fact]
    public void A_4x2_image_becomes_three_row_major_planes_of_raw_0_to_255_values()
    {
        using var image = Image.LoadPixelData(new Rgb24[]
        {
            new(255, 0, 0), new(0, 255, 0), new(0, 0, 255), new(1, 2, 3),
            new(10, 20, 30), new(40, 50, 60), new(255, 255, 255), new(0, 0, 0),
        }, 4, 2);

        using var tensor = ImagePreprocessor.ToTensor(image);

        Assert.Equal((4, 2, 24), (tensor.Width, tensor.Height, tensor.Length));
        Assert.Equal(
        [
            255, 0, 0, 1, 10, 40, 255, 0,
            0, 255, 0, 2, 20, 50, 255, 0,
            0, 0, 255, 3, 30, 60, 255, 0,
        ], tensor.Pixels.ToArray());
    }

    [Fact]
    public void An_image_already_at_the_target_size_is_not_resampled()
    {
        using var image = Image.LoadPixelData(new Rgb24[] { new(9, 8, 7), new(6, 5, 4), new(3, 2, 1), new(0, 1, 2) }, 2, 2);

        using var tensor = ImagePreprocessor.Preprocess(image, new InputConvention { MinSide = 1, RecommendedLongerSide = 2 });

        Assert.Equal([9, 6, 3, 0, 8, 5, 2, 1, 7, 4, 1, 2], tensor.Pixels.ToArray());
    }

    [Fact]
    public void A_horizontal_gradient_is_resized_to_the_policy_size_and_stays_a_horizontal_gradient()
    {
        var pixels = new Rgb24[64 * 32];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = new Rgb24((byte)(4 * (i % 64)), 100, 0);
        }
        using var image = Image.LoadPixelData<Rgb24>(pixels, 64, 32);

        using var tensor = ImagePreprocessor.Preprocess(image, new InputConvention { MinSide = 8, RecommendedLongerSide = 32 });

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
    public void A_small_image_is_upscaled_so_its_longer_side_is_S_and_the_source_is_left_untouched()
    {
        using var image = new Image<Rgb24>(10, 5, new Rgb24(50, 60, 70));

        using var tensor = ImagePreprocessor.Preprocess(image, new InputConvention { MinSide = 2, RecommendedLongerSide = 40 });

        Assert.Equal((40, 20), (tensor.Width, tensor.Height));
        Assert.Equal(new Size(10, 5), image.Size());
        Assert.All(tensor.Pixels.ToArray()[..800], r => Assert.Equal(50f, r));
    }

    [Fact]
    public void A_disposed_tensor_cannot_be_read()
    {
        var tensor = PreprocessedImage.FromPlanes(1, 1, [1f, 2f, 3f]);
        tensor.Dispose();
        tensor.Dispose();
        Assert.Throws<ObjectDisposedException>(() => tensor.Pixels);
    }
}

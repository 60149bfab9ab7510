using RetrievalService.Training.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Training.Tests.Data;

public sealed class AugmentationTests
{
    [Theory]
    [InlineData("light")]
    [InlineData("strong")]
    public void Crops_stay_inside_the_image_and_keep_at_least_the_minimum_area(string name)
    {
        var augmentation = name == "light" ? Augmentation.Light : Augmentation.Strong;
        var random = new Random(5);
        for (var i = 0; i < 500; i++)
        {
            var crop = augmentation.Crop(640, 480, random);
            Assert.True(crop.X >= 0 && crop.Y >= 0 && crop.Right <= 640 && crop.Bottom <= 480, $"{crop}");
            // The aspect change may push one side against the border, which can only shrink the area a little.
            Assert.True(crop.Width * crop.Height >= 0.9 * augmentation.MinArea * 640 * 480, $"{crop}");
        }
    }

    [Fact]
    public void Light_changes_geometry_only_and_strong_changes_colours_too()
    {
        using var light = Uniform();
        using var strong = Uniform();

        Augmentation.Light.Apply(light, new Random(1));
        var changed = Enumerable.Range(0, 20).Count(seed =>
        {
            using var image = Uniform();
            Augmentation.Strong.Apply(image, new Random(seed));
            return image[0, 0] != Colour;
        });

        Assert.Equal(Colour, light[0, 0]);
        Assert.Equal(Colour, light[light.Width - 1, light.Height - 1]);
        Assert.True(changed >= 18, $"{changed} of 20 strong draws changed the colour");
    }

    [Fact]
    public void The_same_seed_gives_the_same_image()
    {
        using var first = Gradient();
        using var second = Gradient();

        Augmentation.Strong.Apply(first, new Random(9));
        Augmentation.Strong.Apply(second, new Random(9));

        Assert.Equal((first.Width, first.Height), (second.Width, second.Height));
        for (var y = 0; y < first.Height; y += 7)
        {
            for (var x = 0; x < first.Width; x += 7)
            {
                Assert.Equal(first[x, y], second[x, y]);
            }
        }
    }

    [Fact]
    public void Light_draws_five_numbers_as_before_so_earlier_runs_repeat()
    {
        // Light runs of the committed default student drew crop (area, aspect, x, y) and flip, nothing else; a
        // seeded Random spends one sample per NextDouble or Next(n) call.
        var (used, fresh) = (new Random(3), new Random(3));
        using var image = Gradient();

        Augmentation.Light.Apply(image, used);
        for (var i = 0; i < 5; i++)
        {
            fresh.NextDouble();
        }

        Assert.Equal(fresh.NextDouble(), used.NextDouble());
    }

    [Fact]
    public void Descriptions_name_the_policy()
    {
        Assert.Equal("light (crop + flip)", Augmentation.Light.Describe());
        Assert.Equal("strong (crop to ≥ 0.25 of the area + flip, brightness/contrast/saturation ±0.3, hue ±15°, grey 0.1)", Augmentation.Strong.Describe());
    }

    private static readonly Rgb24 Colour = new(120, 90, 60);

    private static Image<Rgb24> Uniform() => new(160, 120, Colour);

    private static Image<Rgb24> Gradient()
    {
        var image = new Image<Rgb24>(160, 120);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                image[x, y] = new Rgb24((byte)x, (byte)(2 * y), (byte)(x + y));
            }
        }
        return image;
    }
}

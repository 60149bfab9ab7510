using RetrievalService.Training.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Training.Tests.Data;

public sealed class MixupTests
{
    private static readonly Rgb24 Dark = new(20, 40, 60);
    private static readonly Rgb24 Light = new(220, 200, 180);

    [Theory]
    [InlineData(0f, 20, 40, 60)]
    [InlineData(1f, 220, 200, 180)]
    [InlineData(0.25f, 70, 80, 90)]
    [InlineData(0.5f, 120, 120, 120)]
    public void A_blend_is_the_convex_combination_of_the_two_images(float partnerWeight, byte r, byte g, byte b)
    {
        using var image = new Image<Rgb24>(40, 30, Dark);
        using var partner = new Image<Rgb24>(40, 30, Light);

        Mixup.Blend(image, partner, partnerWeight);

        foreach (var (x, y) in new[] { (0, 0), (39, 29), (17, 11) })
        {
            var pixel = image[x, y];
            Assert.True(Math.Abs(pixel.R - r) <= 1 && Math.Abs(pixel.G - g) <= 1 && Math.Abs(pixel.B - b) <= 1,
                $"({x}, {y}) at weight {partnerWeight}: {pixel}, expected ({r}, {g}, {b})");
        }
    }

    [Fact]
    public void A_partner_of_another_size_is_resized_onto_the_image_which_keeps_its_size()
    {
        using var image = new Image<Rgb24>(64, 48, Dark);
        using var partner = new Image<Rgb24>(30, 90, Light);
        // Left half of the partner light, right half dark: the blend must show it stretched over the whole width.
        for (var y = 0; y < 90; y++)
        {
            for (var x = 15; x < 30; x++)
            {
                partner[x, y] = Dark;
            }
        }

        Mixup.Blend(image, partner, 1f);

        Assert.Equal(new Size(64, 48), image.Size());
        Assert.Equal(Light, image[5, 24]);
        Assert.Equal(Dark, image[60, 24]);
    }

    [Fact]
    public void Without_mixup_nothing_is_drawn_so_earlier_runs_repeat_draw_for_draw()
    {
        var random = new Random(4);

        Assert.Null(new Mixup(0).DrawPartnerWeight(random));

        Assert.Equal(new Random(4).NextDouble(), random.NextDouble());
    }

    [Fact]
    public void The_blend_probability_and_the_weight_range_hold_over_many_draws()
    {
        var random = new Random(11);
        var mixup = new Mixup(0.3);

        var weights = Enumerable.Range(0, 4000).Select(_ => mixup.DrawPartnerWeight(random)).OfType<float>().ToList();

        // Binomial(4000, 0.3): mean 1200, standard deviation 29.
        Assert.InRange(weights.Count, 1080, 1320);
        Assert.All(weights, w => Assert.InRange(w, 0f, 1f));
        // Uniform weights: about half below ½.
        Assert.InRange(weights.Count(w => w < 0.5f), weights.Count * 0.42, weights.Count * 0.58);
        Assert.All(Enumerable.Range(0, 50), _ => Assert.NotNull(new Mixup(1).DrawPartnerWeight(random)));
    }

    [Fact]
    public void Weights_outside_zero_to_one_are_refused()
    {
        using var image = new Image<Rgb24>(4, 4, Dark);
        using var partner = new Image<Rgb24>(4, 4, Light);

        Assert.Throws<ArgumentOutOfRangeException>(() => Mixup.Blend(image, partner, 1.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => Mixup.Blend(image, partner, -0.1f));
    }
}

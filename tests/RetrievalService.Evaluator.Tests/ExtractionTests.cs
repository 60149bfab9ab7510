using RetrievalService.Embedding.Images;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;

namespace RetrievalService.Evaluator.Tests;

public sealed class ExtractionTests
{
    [Fact]
    public void Power_mean_of_one_vector_per_scale_is_the_normalised_gem_combination()
    {
        // p = 3 over (1, 0) and (0, 1): each component is (½)^(1/3); after L2N both are 1/√2.
        var combined = PowerMean.Combine([[1f, 0f], [0f, 1f]], 3);

        Assert.Equal(1 / Math.Sqrt(2), combined[0], 6);
        Assert.Equal(1 / Math.Sqrt(2), combined[1], 6);
    }

    [Fact]
    public void Power_mean_keeps_the_sign_of_negative_components()
    {
        var combined = PowerMean.Combine([[-0.6f, 0.8f], [-0.6f, 0.8f]], 3);

        Assert.Equal(-0.6, combined[0], 5);
        Assert.Equal(0.8, combined[1], 5);
    }

    [Fact]
    public void Multi_scale_sides_are_one_root_half_and_half_of_the_longer_side()
    {
        var settings = ExtractionSettings.MultiScale(224);

        Assert.Equal([224, 158, 112], settings.Scales.Select(s => settings.SideAt(s, 64)));
        Assert.Equal(80, ExtractionSettings.MultiScale(160).SideAt(0.5, 64));
        Assert.Equal(64, ExtractionSettings.MultiScale(100).SideAt(0.5, 64));
    }

    [Fact]
    public void Query_boxes_round_half_to_even_and_clip_to_the_image()
    {
        // 136.5 → 136, 34.1 → 34, 648.5 → 648, 955.5 → 956 clipped to the 834-pixel height.
        Assert.Equal(new PixelRect(136, 34, 512, 800), QueryCrop.Rectangle(new BoundingBox(136.5, 34.1, 648.5, 955.5), 900, 834));
    }

    [Fact]
    public void A_box_outside_the_image_is_refused()
    {
        Assert.Throws<ArgumentException>(() => QueryCrop.Rectangle(new BoundingBox(200, 200, 300, 300), 100, 100));
    }
}

using RetrievalService.Embedding.Images;

namespace RetrievalService.Embedding.Tests.Images;

public sealed class ResizePolicyTests
{
    [Theory]
    [InlineData(640, 480, 224, 64, 224, 168)]
    [InlineData(480, 640, 224, 64, 168, 224)]
    [InlineData(100, 100, 224, 64, 224, 224)]
    [InlineData(333, 100, 224, 8, 224, 67)]
    [InlineData(4, 2, 3, 1, 3, 2)]
    [InlineData(1000, 10, 224, 64, 224, 64)]
    [InlineData(10, 1000, 224, 64, 64, 224)]
    [InlineData(224, 100, 224, 64, 224, 100)]
    public void The_longer_side_becomes_S_and_the_shorter_keeps_the_aspect_but_not_below_the_minimum(
        int width, int height, int longerSide, int minSide, int expectedWidth, int expectedHeight) =>
        Assert.Equal(new PixelSize(expectedWidth, expectedHeight), ResizePolicy.TargetSize(width, height, longerSide, minSide));

    [Fact]
    public void A_longer_side_below_the_minimum_side_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizePolicy.TargetSize(10, 10, 32, 64));
}

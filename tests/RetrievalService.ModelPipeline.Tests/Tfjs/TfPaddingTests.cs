using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

public sealed class TfPaddingTests
{
    [Theory]
    [InlineData(224, 3, 2, 0, 1)]
    [InlineData(112, 3, 1, 1, 1)]
    [InlineData(7, 1, 1, 0, 0)]
    [InlineData(7, 3, 2, 1, 1)]
    [InlineData(8, 5, 2, 1, 2)]
    [InlineData(5, 3, 1, 1, 1)]
    public void Same_padding_follows_the_tensorflow_rule(int input, int kernel, int stride, int begin, int end)
    {
        Assert.Equal((begin, end), TfPadding.Same(input, kernel, stride));
    }

    [Fact]
    public void Stride_two_same_padding_puts_the_extra_pixel_at_the_end()
    {
        Assert.Equal((0, 1), TfPadding.SameForDivisibleInput(3, 2));
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 2)]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    public void Divisible_input_pads_equal_the_exact_rule_for_every_multiple_of_the_stride(int kernel, int stride)
    {
        foreach (var input in Enumerable.Range(1, 40).Select(m => m * stride))
        {
            Assert.Equal(TfPadding.Same(input, kernel, stride), TfPadding.SameForDivisibleInput(kernel, stride));
        }
    }

    [Fact]
    public void Dilation_widens_the_effective_kernel()
    {
        Assert.Equal((2, 2), TfPadding.Same(10, 3, 1, dilation: 2));
    }
}

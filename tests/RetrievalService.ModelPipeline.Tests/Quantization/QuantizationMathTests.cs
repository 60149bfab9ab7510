using RetrievalService.ModelPipeline.Quantization;

namespace RetrievalService.ModelPipeline.Tests.Quantization;

public sealed class QuantizationMathTests
{
    [Fact]
    public void Symmetric_input_range_gets_the_middle_zero_point()
    {
        var q = QuantizationMath.Activation(new TensorRange(-1f, 1f));

        Assert.Equal(2f / 255f, q.Scale, 1e-7f);
        // 1 / (2/255) is 127.5 on paper and just under it in float: either way both ends are within a step.
        Assert.InRange(q.Scale * (0 - q.ZeroPoint), -1f - q.Scale, -1f + q.Scale);
        Assert.InRange(q.Scale * (255 - q.ZeroPoint), 1f - q.Scale, 1f + q.Scale);
    }

    [Fact]
    public void Folded_relu6_clamps_the_range_at_six_and_starts_at_zero()
    {
        var q = QuantizationMath.Activation(new TensorRange(0f, 7.3f), upperBound: 6f);

        Assert.Equal(6f / 255f, q.Scale, 1e-7f);
        Assert.Equal(0, q.ZeroPoint);
    }

    [Fact]
    public void Range_always_contains_zero_so_zero_padding_is_exact()
    {
        var q = QuantizationMath.Activation(new TensorRange(0.5f, 3f));

        Assert.Equal(0, q.ZeroPoint);
        Assert.Equal(3f / 255f, q.Scale, 1e-7f);
    }

    [Fact]
    public void Bounds_are_rounded_outwards_to_three_significant_digits()
    {
        var q = QuantizationMath.Activation(new TensorRange(-0.12345f, 2.34567f));

        // [-0.124, 2.35]: scale 2.474 / 255, zero point 0.124 / scale = 12.78 → 13.
        Assert.Equal(2.474f / 255f, q.Scale, 1e-6f);
        Assert.Equal(13, q.ZeroPoint);
    }

    [Fact]
    public void A_tensor_that_is_always_zero_gets_a_harmless_scale()
    {
        Assert.Equal(new ActivationQuantization(1f, 0), QuantizationMath.Activation(new TensorRange(0f, 0f)));
    }

    [Fact]
    public void A_range_never_observed_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => QuantizationMath.Activation(TensorRange.Empty));
        Assert.Throws<ArgumentException>(() => QuantizationMath.Activation(new TensorRange(float.NaN, 1f)));
    }

    [Fact]
    public void Weights_get_one_symmetric_scale_per_output_channel()
    {
        // Channel 0's largest magnitude is negative: the scale must come from |−1.0|, not from the signed value.
        float[] weights = [0.5f, -1.0f, 0.25f, /* channel 1 */ 0f, 0f, 0f, /* channel 2 */ 0.02f, 0.011f, -0.005f];

        var (values, scales) = QuantizationMath.WeightsPerChannel(weights, outputChannels: 3);

        Assert.Equal(1f / 127f, scales[0], 1e-9f);
        Assert.Equal(1f, scales[1]);
        Assert.Equal(0.02f / 127f, scales[2], 1e-9f);
        Assert.Equal(new sbyte[] { 64, -127, 32, 0, 0, 0, 127, 70, -32 }, values);
    }

    [Fact]
    public void Weight_round_trip_error_is_at_most_half_a_step()
    {
        var random = new Random(7);
        var weights = Enumerable.Range(0, 4 * 27).Select(_ => (float)(random.NextDouble() * 2 - 1) * 0.3f).ToArray();

        var (values, scales) = QuantizationMath.WeightsPerChannel(weights, outputChannels: 4);

        for (var i = 0; i < weights.Length; i++)
        {
            var scale = scales[i / 27];
            Assert.InRange(Math.Abs(values[i] * scale - weights[i]), 0, scale / 2 + 1e-7);
        }
    }

    [Fact]
    public void A_channel_with_near_zero_weights_gets_a_scale_at_which_its_bias_still_fits()
    {
        // Channel 1 is what training left of channel 46 of a real student: weights near 0, a BatchNorm bias of 0.42.
        float[] weights = [0.5f, -1.0f, /* channel 1 */ 2e-7f, -1e-7f];
        float[] bias = [0.1f, 0.42253f];
        const float inputScale = 0.007843138f;

        var floors = QuantizationMath.MinimumWeightScales(bias, inputScale);
        var (values, scales) = QuantizationMath.WeightsPerChannel(weights, outputChannels: 2, floors);
        var quantizedBias = QuantizationMath.Bias(bias, inputScale, scales);

        // Without the floor the weights alone give 2e-7 / 127 and the bias 0.42 / (0.0078 · 1.6e-9) ≈ 3e10: no int32.
        Assert.Throws<InvalidOperationException>(() =>
            QuantizationMath.Bias(bias, inputScale, QuantizationMath.WeightsPerChannel(weights, outputChannels: 2).Scales));
        Assert.Equal(1f / 127f, scales[0], 1e-9f); // a normal channel keeps the scale of its weights
        Assert.Equal(floors[1], scales[1]);
        Assert.InRange(Math.Abs(quantizedBias[1]), QuantizationMath.BiasLimit - 200, QuantizationMath.BiasLimit);
        Assert.Equal(bias[1], quantizedBias[1] * (double)inputScale * scales[1], 1e-6);
        // The near-zero weights now sit on a coarser grid (step 5e-8), still within half a step: 2e-7 → 4, −1e-7 → −2.
        Assert.Equal(new sbyte[] { 64, -127, 4, -2 }, values);
    }

    [Fact]
    public void Bias_is_stored_at_the_accumulator_scale()
    {
        var bias = QuantizationMath.Bias([0.1f, -0.3f], inputScale: 0.01f, weightScales: [0.5f, 0.1f]);

        Assert.Equal([20, -300], bias);
        Assert.Throws<InvalidOperationException>(() => QuantizationMath.Bias([1e6f], 1e-6f, [1e-6f]));
    }
}

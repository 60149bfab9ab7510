using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

public sealed class TfjsWeightDecoderTests
{
    [Fact]
    public void Uint8_weights_dequantise_as_min_plus_scale_times_q()
    {
        var spec = new TfjsWeightSpec("w", [3], "float32", new TfjsQuantization(-1, 0.5, "uint8"));

        Assert.Equal([-1f, -0.5f, 126.5f], TfjsWeightDecoder.Dequantize(spec, [0, 1, 255]));
    }

    [Fact]
    public void Dequantisation_rounds_once_from_double_like_tfjs()
    {
        // tfjs-core computes q * scale + min in double and stores the float32 rounding of the result.
        const double min = -6.255818266027114, scale = 0.04344318240296607;
        var spec = new TfjsWeightSpec("w", [1], "float32", new TfjsQuantization(min, scale, "uint8"));

        Assert.Equal((float)(200 * scale + min), TfjsWeightDecoder.Dequantize(spec, [200])[0]);
    }

    [Fact]
    public void Weights_are_read_in_manifest_order_with_their_stored_widths()
    {
        TfjsWeightSpec[] specs =
        [
            new("a", [2], "float32", new TfjsQuantization(0, 1, "uint8")),
            new("b", [], "float32", null),
            new("c", [1], "float32", new TfjsQuantization(10, 2, "uint16")),
        ];
        byte[] data = [3, 4, .. BitConverter.GetBytes(1.5f), 1, 1];

        var tensors = TfjsWeightDecoder.Decode(specs, data);

        Assert.Equal([3f, 4f], tensors["a"].Values);
        Assert.Equal([1.5f], tensors["b"].Values);
        Assert.Equal([10f + 2 * 257], tensors["c"].Values);
    }

    [Fact]
    public void Shards_that_do_not_fill_the_manifest_exactly_are_rejected()
    {
        TfjsWeightSpec[] specs = [new("a", [2, 2], "float32", new TfjsQuantization(0, 1, "uint8"))];

        Assert.Throws<InvalidDataException>(() => TfjsWeightDecoder.Decode(specs, new byte[3]));
        Assert.Throws<InvalidDataException>(() => TfjsWeightDecoder.Decode(specs, new byte[5]));
    }

    [Fact]
    public void Float16_quantisation_is_reported_as_unsupported()
    {
        TfjsWeightSpec[] specs = [new("half", [1], "float32", new TfjsQuantization(0, 0, "float16"))];

        var error = Assert.Throws<NotSupportedException>(() => TfjsWeightDecoder.Decode(specs, new byte[2]));
        Assert.Contains("float16", error.Message);
    }
}

using RetrievalService.ModelPipeline.Analysis;
using RetrievalService.ModelPipeline.Onnx;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Tests.Analysis;

public sealed class ConvolutionCostTests
{
    [Fact]
    public void Strided_padded_conv_counts_output_positions_times_kernel_volume()
    {
        var model = TinyGraphs.WithImage(channels: 3);
        TinyGraphs.AppendConv(model.Graph, ModelIo.Input, "conv", inputs: 3, outputs: 8, kernel: 3, bias: true,
            Ints("strides", 2, 2), Ints("pads", 1, 1, 1, 1));

        var cost = ModelCost.Measure(model, height: 32, width: 32);

        // (32 + 2 − 3) / 2 + 1 = 16 per side; 8 · 16 · 16 outputs, each 3 · 3 · 3 MACs.
        Assert.Equal([1, 8, 16, 16], cost.Nodes.Single().OutputShape);
        Assert.Equal(8L * 16 * 16 * 3 * 3 * 3, cost.Macs);
        Assert.Equal(8L * 3 * 3 * 3 + 8, cost.Parameters);
        Assert.Equal(cost.Parameters, cost.Weights);
    }

    [Fact]
    public void Asymmetric_pads_on_a_non_square_image_floor_each_axis_separately()
    {
        var model = TinyGraphs.WithImage(channels: 3);
        TinyGraphs.AppendConv(model.Graph, ModelIo.Input, "conv", inputs: 3, outputs: 4, kernel: 3, bias: false,
            Ints("strides", 2, 2), Ints("pads", 1, 0, 1, 0));

        var cost = ModelCost.Measure(model, height: 33, width: 20);

        // H: (33 + 1 + 1 − 3) / 2 + 1 = 17; W: ⌊(20 − 3) / 2⌋ + 1 = 9.
        Assert.Equal([1, 4, 17, 9], cost.Nodes.Single().OutputShape);
        Assert.Equal(4L * 17 * 9 * 27, cost.Macs);
    }

    [Fact]
    public void Depthwise_conv_with_group_equal_to_channels_costs_one_channel_per_output()
    {
        var model = TinyGraphs.WithImage(channels: 16);
        var depthwise = TinyGraphs.AppendConv(model.Graph, ModelIo.Input, "depthwise", inputs: 1, outputs: 16, kernel: 3, bias: true,
            Ints("pads", 1, 1, 1, 1), Int("group", 16));
        TinyGraphs.AppendConv(model.Graph, depthwise, "pointwise", inputs: 16, outputs: 32, kernel: 1);

        var cost = ModelCost.Measure(model, height: 10, width: 10);

        Assert.Equal(16L * 10 * 10 * 1 * 9, cost.Nodes[0].Macs);
        Assert.Equal(32L * 10 * 10 * 16, cost.Nodes[1].Macs);
        Assert.Equal((16L * 9 + 16) + 32 * 16, cost.Parameters);
    }

    [Fact]
    public void Dilation_widens_the_window_without_adding_macs_per_output()
    {
        var model = TinyGraphs.WithImage(channels: 2);
        TinyGraphs.AppendConv(model.Graph, ModelIo.Input, "conv", inputs: 2, outputs: 2, kernel: 3, bias: false, Ints("dilations", 2, 2));

        var cost = ModelCost.Measure(model, height: 9, width: 9);

        // Effective kernel 5: 9 − 5 + 1 = 5 per side.
        Assert.Equal([1, 2, 5, 5], cost.Nodes.Single().OutputShape);
        Assert.Equal(2L * 5 * 5 * 2 * 9, cost.Macs);
    }

    [Fact]
    public void Conv_weight_that_does_not_fit_the_input_channels_is_rejected()
    {
        var model = TinyGraphs.WithImage(channels: 3);
        TinyGraphs.AppendConv(model.Graph, ModelIo.Input, "conv", inputs: 4, outputs: 8, kernel: 1);

        var error = Assert.Throws<InvalidDataException>(() => ModelCost.Measure(model, 8, 8));

        Assert.Contains("'conv'", error.Message, StringComparison.Ordinal);
    }
}

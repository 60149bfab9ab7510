using RetrievalService.ModelPipeline.Analysis;
using RetrievalService.ModelPipeline.Onnx;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Tests.Analysis;

public sealed class HeadCostTests
{
    [Fact]
    public void Gem_linear_and_l2_head_costs_only_the_matmul()
    {
        var model = TinyGraphs.WithImage(channels: 6);
        var pooled = EmbeddingHeadNodes.AppendGem(model.Graph, ModelIo.Input, "gem", 3f);
        var projected = EmbeddingHeadNodes.AppendLinear(model.Graph, pooled, "adapter", 6, 4, new float[24]);
        EmbeddingHeadNodes.AppendL2Normalize(model.Graph, projected, "l2n", ModelIo.Output);

        var cost = ModelCost.Measure(model, height: 7, width: 5);

        Assert.Equal(6L * 4, cost.Macs);
        Assert.Equal([1, 4], cost.Nodes[^1].OutputShape);
        // GeM stores p, the clamp bound and 1; L2N stores ε: four scalars beside the 6×4 matrix.
        Assert.Equal(24L + 4, cost.Parameters);
        Assert.Equal(24L, cost.Weights);
    }

    [Fact]
    public void Gemm_with_transposed_weight_costs_inputs_times_outputs()
    {
        var model = TinyGraphs.WithImage(channels: 8);
        model.Graph.Node.Add(Node("GlobalAveragePool", "pool", [ModelIo.Input]));
        model.Graph.Node.Add(Node("Flatten", "flat", ["pool"], Int("axis", 1)));
        model.Graph.Initializer.Add(OnnxTensors.Float("fc.weight", [10, 8], new float[80]));
        model.Graph.Initializer.Add(OnnxTensors.Float("fc.bias", [10], new float[10]));
        model.Graph.Node.Add(Node("Gemm", "fc", ["flat", "fc.weight", "fc.bias"], Int("transB", 1)));

        var cost = ModelCost.Measure(model, height: 4, width: 4);

        Assert.Equal([1, 10], cost.Nodes[^1].OutputShape);
        Assert.Equal(80L, cost.Macs);
        Assert.Equal(90L, cost.Parameters);
    }

    [Fact]
    public void Pooling_and_reshapes_propagate_shapes_without_macs()
    {
        var model = TinyGraphs.WithImage(channels: 4);
        model.Graph.Node.Add(Node("MaxPool", "max", [ModelIo.Input], Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 1, 1, 1, 1)));
        model.Graph.Node.Add(Node("AveragePool", "avg", ["max"], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2)));
        model.Graph.Initializer.Add(OnnxTensors.Int64("shape", [3], [0, 4, -1]));
        model.Graph.Node.Add(Node("Reshape", "reshape", ["avg", "shape"]));
        model.Graph.Node.Add(Node("Transpose", "transpose", ["reshape"], Ints("perm", 0, 2, 1)));
        model.Graph.Node.Add(Node("ReduceL2", "norm", ["transpose"], Ints("axes", 2), Int("keepdims", 0)));

        var cost = ModelCost.Measure(model, height: 16, width: 12);

        // MaxPool: 16×12 → 8×6; AveragePool: → 4×3; reshape to [1, 4, 12], transpose to [1, 12, 4], reduce → [1, 12].
        Assert.Equal(
            [[1, 4, 8, 6], [1, 4, 4, 3], [1, 4, 12], [1, 12, 4], [1, 12]],
            cost.Nodes.Select(n => n.OutputShape.ToArray()).ToArray());
        Assert.Equal(0L, cost.Macs);
    }

    [Fact]
    public void Broadcast_preprocessing_and_relu6_clip_add_no_macs()
    {
        var model = TinyGraphs.WithImage(channels: 3);
        model.Graph.Initializer.Add(OnnxTensors.Float("mean", [3, 1, 1], [1f, 2f, 3f]));
        model.Graph.Initializer.Add(OnnxTensors.Scalar("scale", 0.5f));
        model.Graph.Initializer.Add(OnnxTensors.Scalar("relu6.min", 0f));
        model.Graph.Initializer.Add(OnnxTensors.Scalar("relu6.max", 6f));
        model.Graph.Node.Add(Node("Sub", "centre", [ModelIo.Input, "mean"]));
        model.Graph.Node.Add(Node("Mul", "scale_by", ["centre", "scale"]));
        var conv = TinyGraphs.AppendConv(model.Graph, "scale_by", "conv", inputs: 3, outputs: 5, kernel: 1);
        model.Graph.Node.Add(Node("Clip", "relu6", [conv, "relu6.min", "relu6.max"]));

        var cost = ModelCost.Measure(model, height: 6, width: 4);

        Assert.All(cost.Nodes.Take(2), n => Assert.Equal([1, 3, 6, 4], n.OutputShape));
        Assert.Equal([1, 5, 6, 4], cost.Nodes[^1].OutputShape);
        Assert.Equal(5L * 6 * 4 * 3, cost.Macs);
        // The per-channel mean is a vector, so it counts as a weight; the three scalars do not.
        Assert.Equal(5L * 3 + 3, cost.Weights);
        Assert.Equal(5L * 3 + 3 + 3, cost.Parameters);
    }

    [Fact]
    public void Unknown_op_fails_naming_the_op_and_node()
    {
        var model = TinyGraphs.WithImage(channels: 3);
        model.Graph.Node.Add(Node("LpPool", "mystery", [ModelIo.Input]));

        var error = Assert.Throws<NotSupportedException>(() => ModelCost.Measure(model, 8, 8));

        Assert.Contains("'LpPool'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'mystery'", error.Message, StringComparison.Ordinal);
    }
}

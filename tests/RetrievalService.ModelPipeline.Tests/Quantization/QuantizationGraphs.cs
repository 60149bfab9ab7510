using Onnx;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Tests.Analysis;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Tests.Quantization;

/// <summary>
/// A miniature of the student's blocks with random weights: conv3×3 + ReLU6, two 1×1 branches, residual Add,
/// then float pooling and L2 normalisation to the <c>embedding</c> output.
/// </summary>
internal static class QuantizationGraphs
{
    public static ModelProto Block(int seed = 3)
    {
        var model = TinyGraphs.WithImage(3);
        var graph = model.Graph;
        var random = new Random(seed);
        AddConv(graph, random, ModelIo.Input, "stem", 3, 8, 3, pads: 1);
        graph.Initializer.Add(OnnxTensors.Scalar("relu6.min", 0f));
        graph.Initializer.Add(OnnxTensors.Scalar("relu6.max", 6f));
        graph.Node.Add(Node("Clip", "stem/relu6", ["stem", "relu6.min", "relu6.max"]));
        AddConv(graph, random, "stem/relu6", "left", 8, 8, 1, pads: 0);
        AddConv(graph, random, "stem/relu6", "right", 8, 8, 1, pads: 0);
        graph.Node.Add(Node("Add", "sum", ["left", "right"]));
        graph.Node.Add(Node("GlobalAveragePool", "pool", ["sum"]));
        graph.Node.Add(Node("Flatten", "flat", ["pool"], Int("axis", 1)));
        EmbeddingHeadNodes.AppendL2Normalize(graph, "flat", "l2n", ModelIo.Output);
        graph.Output.Add(OnnxValueInfos.FloatTensor(ModelIo.Output, "batch", 8));
        return model;
    }

    /// <summary>
    /// A ResNet basic block with unfolded BatchNormalization, as in the teacher: stem conv + BN + ReLU, two 3×3
    /// conv + BN, the residual Add, ReLU, then float pooling and L2 normalisation.
    /// </summary>
    public static ModelProto ResidualBlock(int seed = 5)
    {
        var model = TinyGraphs.WithImage(3);
        var graph = model.Graph;
        var random = new Random(seed);
        AddConv(graph, random, ModelIo.Input, "stem", 3, 8, 3, pads: 1);
        AddBatchNorm(graph, random, "stem", "stem/bn", 8);
        graph.Node.Add(Node("Relu", "stem/relu", ["stem/bn"]));
        AddConv(graph, random, "stem/relu", "a", 8, 8, 3, pads: 1);
        AddBatchNorm(graph, random, "a", "a/bn", 8);
        graph.Node.Add(Node("Relu", "a/relu", ["a/bn"]));
        AddConv(graph, random, "a/relu", "b", 8, 8, 3, pads: 1);
        AddBatchNorm(graph, random, "b", "b/bn", 8);
        graph.Node.Add(Node("Add", "residual", ["b/bn", "stem/relu"]));
        graph.Node.Add(Node("Relu", "residual/relu", ["residual"]));
        graph.Node.Add(Node("GlobalAveragePool", "pool", ["residual/relu"]));
        graph.Node.Add(Node("Flatten", "flat", ["pool"], Int("axis", 1)));
        EmbeddingHeadNodes.AppendL2Normalize(graph, "flat", "l2n", ModelIo.Output);
        graph.Output.Add(OnnxValueInfos.FloatTensor(ModelIo.Output, "batch", 8));
        return model;
    }

    private static void AddBatchNorm(GraphProto graph, Random random, string input, string name, int channels)
    {
        float[] Values(double offset, double spread) => Enumerable.Range(0, channels).Select(_ => (float)(offset + spread * random.NextDouble())).ToArray();
        graph.Initializer.Add(OnnxTensors.Float($"{name}.gamma", [channels], Values(0.5, 1.0)));
        graph.Initializer.Add(OnnxTensors.Float($"{name}.beta", [channels], Values(-0.2, 0.4)));
        graph.Initializer.Add(OnnxTensors.Float($"{name}.mean", [channels], Values(-0.3, 0.6)));
        graph.Initializer.Add(OnnxTensors.Float($"{name}.var", [channels], Values(0.2, 1.5)));
        graph.Node.Add(Node("BatchNormalization", name, [input, $"{name}.gamma", $"{name}.beta", $"{name}.mean", $"{name}.var"], Float("epsilon", 1e-5f)));
    }

    private static void AddConv(GraphProto graph, Random random, string input, string name, int inputs, int outputs, int kernel, int pads)
    {
        var fanIn = inputs * kernel * kernel;
        var weights = Enumerable.Range(0, outputs * fanIn).Select(_ => (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(3.0 / fanIn))).ToArray();
        graph.Initializer.Add(OnnxTensors.Float($"{name}.weight", [outputs, inputs, kernel, kernel], weights));
        graph.Initializer.Add(OnnxTensors.Float($"{name}.bias", [outputs], Enumerable.Range(0, outputs).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray()));
        graph.Node.Add(Node("Conv", name, [input, $"{name}.weight", $"{name}.bias"],
            Ints("kernel_shape", kernel, kernel), Ints("pads", pads, pads, pads, pads)));
    }
}

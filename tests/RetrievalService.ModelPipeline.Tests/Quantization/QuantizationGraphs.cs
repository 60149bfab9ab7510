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

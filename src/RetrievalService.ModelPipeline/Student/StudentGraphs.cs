using Onnx;
using RetrievalService.ModelPipeline.Adapter;
using RetrievalService.ModelPipeline.Onnx;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Student;

/// <summary>
/// Completes a converted backbone (output <c>features</c>, [N, C, h, w]) into the project's students.
/// Every variant keeps the backbone graph and input convention unchanged.
/// </summary>
public static class StudentGraphs
{
    public const string PooledOutput = "pooled";

    /// <summary>Backbone → GeM, output <c>pooled</c> [N, C]: the features a linear adapter is fitted on.</summary>
    public static ModelProto WithGemFeatures(ModelProto backbone, string featuresOutput, int channels, float gemP = 3f)
    {
        var model = backbone.Clone();
        var graph = model.Graph;
        var pooled = EmbeddingHeadNodes.AppendGem(graph, featuresOutput, "gem", gemP);
        graph.Node.Add(Node("Identity", "pooled_output", [pooled], [PooledOutput]));
        ReplaceOutputs(graph, OnnxValueInfos.FloatTensor(PooledOutput, "batch", channels));
        return model;
    }

    /// <summary>Backbone → GeM → x·W + b → L2N, output <c>embedding</c> [N, map.Outputs] (issue 2's first student).</summary>
    public static ModelProto WithLinearAdapter(ModelProto backbone, string featuresOutput, LinearMap map, float gemP = 3f)
    {
        var model = backbone.Clone();
        var graph = model.Graph;
        var pooled = EmbeddingHeadNodes.AppendGem(graph, featuresOutput, "gem", gemP);
        var projected = EmbeddingHeadNodes.AppendLinear(graph, pooled, "adapter", map.Inputs, map.Outputs, map.Weight);
        graph.Initializer.Add(OnnxTensors.Float("adapter.bias", [map.Outputs], map.Bias));
        graph.Node.Add(Node("Add", "adapter/bias", [projected, "adapter.bias"]));
        EmbeddingHeadNodes.AppendL2Normalize(graph, "adapter/bias", "l2n", ModelIo.Output);
        ReplaceOutputs(graph, OnnxValueInfos.FloatTensor(ModelIo.Output, "batch", map.Outputs));
        return model;
    }

    /// <summary>
    /// The paper's dimension-matching head before pooling: 1×1 conv C→D without bias, ReLU, GeM, L2N.
    /// Weights are He-normal from <paramref name="seed"/>: a starting point for training, not a compatible student.
    /// </summary>
    public static ModelProto WithConvHead(ModelProto backbone, string featuresOutput, int channels, int dimension, int seed, float gemP = 3f)
    {
        var model = backbone.Clone();
        var graph = model.Graph;
        graph.Initializer.Add(OnnxTensors.Float("head.conv.weight", [dimension, channels, 1, 1], HeNormal(dimension * channels, channels, seed)));
        graph.Node.Add(Node("Conv", "head/conv", [featuresOutput, "head.conv.weight"], Ints("kernel_shape", 1, 1)));
        graph.Node.Add(Node("Relu", "head/relu", ["head/conv"]));
        var pooled = EmbeddingHeadNodes.AppendGem(graph, "head/relu", "gem", gemP);
        EmbeddingHeadNodes.AppendL2Normalize(graph, pooled, "l2n", ModelIo.Output);
        ReplaceOutputs(graph, OnnxValueInfos.FloatTensor(ModelIo.Output, "batch", dimension));
        return model;
    }

    private static void ReplaceOutputs(GraphProto graph, ValueInfoProto output)
    {
        graph.Output.Clear();
        graph.Output.Add(output);
    }

    private static float[] HeNormal(int count, int fanIn, int seed)
    {
        var random = new Random(seed);
        var std = Math.Sqrt(2.0 / fanIn);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            // Box–Muller: System.Random has no Gaussian, and the sequence must be reproducible from the seed.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = (float)(std * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return values;
    }
}

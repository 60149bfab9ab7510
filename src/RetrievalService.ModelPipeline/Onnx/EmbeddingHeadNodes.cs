using Onnx;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Onnx;

/// <summary>
/// Appends the pooling and normalisation layers of docs/method.md#network-shape to a graph (opset 13):
/// GeM pooling with a learnable exponent stored as an initializer, a linear map, and L2 normalisation.
/// Only ops that the TorchSharp importer will also support are used (Clip, Pow, GlobalAveragePool, Div,
/// Flatten, MatMul, ReduceL2, Max).
/// </summary>
public static class EmbeddingHeadNodes
{
    /// <summary>Clamp at 1e-6 as in cirtorch's GeM, so x^p is defined for ReLU zeros.</summary>
    public const float GemClamp = 1e-6f;

    /// <summary>Keeps the division finite for an all-zero vector.</summary>
    public const float NormEpsilon = 1e-12f;

    /// <summary>GeM over H×W: (mean x^p)^(1/p), flattened to [N, C]. Returns the output name.</summary>
    public static string AppendGem(GraphProto graph, string input, string prefix, float p)
    {
        graph.Initializer.Add(OnnxTensors.Scalar($"{prefix}.p", p));
        graph.Initializer.Add(OnnxTensors.Scalar($"{prefix}.clamp_min", GemClamp));
        graph.Initializer.Add(OnnxTensors.Scalar($"{prefix}.one", 1f));
        graph.Node.Add(Node("Clip", $"{prefix}/clamp", [input, $"{prefix}.clamp_min"]));
        graph.Node.Add(Node("Pow", $"{prefix}/pow", [$"{prefix}/clamp", $"{prefix}.p"]));
        graph.Node.Add(Node("GlobalAveragePool", $"{prefix}/mean", [$"{prefix}/pow"]));
        graph.Node.Add(Node("Div", $"{prefix}/inverse_p", [$"{prefix}.one", $"{prefix}.p"]));
        graph.Node.Add(Node("Pow", $"{prefix}/root", [$"{prefix}/mean", $"{prefix}/inverse_p"]));
        graph.Node.Add(Node("Flatten", $"{prefix}/flatten", [$"{prefix}/root"], Int("axis", 1)));
        return $"{prefix}/flatten";
    }

    /// <summary>x ↦ x / max(‖x‖₂, ε) along axis 1. Returns the output name.</summary>
    public static string AppendL2Normalize(GraphProto graph, string input, string prefix, string? output = null)
    {
        graph.Initializer.Add(OnnxTensors.Scalar($"{prefix}.epsilon", NormEpsilon));
        graph.Node.Add(Node("ReduceL2", $"{prefix}/norm", [input], Ints("axes", 1), Int("keepdims", 1)));
        graph.Node.Add(Node("Max", $"{prefix}/safe_norm", [$"{prefix}/norm", $"{prefix}.epsilon"]));
        var name = output ?? $"{prefix}/normalized";
        graph.Node.Add(Node("Div", $"{prefix}/divide", [input, $"{prefix}/safe_norm"], [name]));
        return name;
    }

    /// <summary>x ↦ x·W with W stored row-major as [inputs, outputs]. Returns the output name.</summary>
    public static string AppendLinear(GraphProto graph, string input, string prefix, int inputs, int outputs, ReadOnlySpan<float> weight)
    {
        graph.Initializer.Add(OnnxTensors.Float($"{prefix}.weight", [inputs, outputs], weight));
        graph.Node.Add(Node("MatMul", $"{prefix}/matmul", [input, $"{prefix}.weight"]));
        return $"{prefix}/matmul";
    }
}

using Onnx;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.ModelPipeline.Quantization;

/// <summary>
/// Which parts of a float graph static int8 quantization touches, decided from the graph alone:
/// <list type="bullet">
/// <item>every Conv with constant weights (and bias), and every Add whose two inputs are already quantized;</item>
/// <item>a Relu or Clip(0, max) that is the only consumer of a quantized Conv or Add is folded into it: the node's
/// quantized output range [0, max] does the clamping, so ONNX Runtime can fuse node + activation into one
/// QLinearConv or QLinearAdd;</item>
/// <item>every activation tensor that enters or leaves a quantized node gets a QuantizeLinear/DequantizeLinear pair.</item>
/// </list>
/// Everything else (input scaling, GeM, L2 normalisation) stays float. A BatchNormalization between a Conv and its
/// activation blocks the fusion; <see cref="ModelQuantizer"/> therefore runs <see cref="BatchNormFolding"/> first.
/// </summary>
public sealed record QuantizationPlan(
    IReadOnlyList<string> QuantizedNodes,
    IReadOnlyDictionary<string, string> FoldedActivations,
    IReadOnlyDictionary<string, float> UpperBounds,
    IReadOnlyList<string> Tensors)
{
    // QuantizedNodes: Conv and Add node names. FoldedActivations: activation node name → the node it folds into.
    // UpperBounds: a folded activation's output tensor → its clamp (∞ for Relu); its lower bound is 0.
    // Tensors: activation tensors that get a QuantizeLinear/DequantizeLinear pair, in graph order.

    /// <summary>Plans the quantization of <paramref name="graph"/>; nodes named in <paramref name="keepFloat"/> stay float.</summary>
    public static QuantizationPlan For(GraphProto graph, IReadOnlySet<string>? keepFloat = null)
    {
        keepFloat ??= new HashSet<string>();
        var initializers = graph.Initializer.ToDictionary(i => i.Name);
        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet();
        var consumers = graph.Node
            .SelectMany(node => node.Input.Select(input => (input, node)))
            .GroupBy(pair => pair.input)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.node).ToList());

        var quantized = new List<string>();
        var folded = new Dictionary<string, string>();
        var upperBounds = new Dictionary<string, float>();
        var tensors = new List<string>();
        var seen = new HashSet<string>();

        void AddTensor(string name)
        {
            if (seen.Add(name))
            {
                tensors.Add(name);
            }
        }

        foreach (var node in graph.Node)
        {
            if (keepFloat.Contains(node.Name))
            {
                continue;
            }
            var isConv = IsQuantizableConv(node, initializers);
            // An Add joins the plan when both inputs are quantized anyway (MobileNetV2's and ResNet's residuals).
            var isAdd = !isConv && node.OpType == "Add" && node.Input.Count == 2 && node.Input.All(seen.Contains);
            if (!isConv && !isAdd)
            {
                continue;
            }
            quantized.Add(node.Name);
            if (isConv)
            {
                AddTensor(node.Input[0]);
            }
            var output = node.Output[0];
            if (FoldableActivation(output, consumers, graphOutputs, initializers, keepFloat) is var (activation, upper))
            {
                folded[activation.Name] = node.Name;
                output = activation.Output[0];
                upperBounds[output] = upper;
            }
            if (!graphOutputs.Contains(output))
            {
                AddTensor(output);
            }
        }
        return new QuantizationPlan(quantized, folded, upperBounds, tensors);
    }

    private static bool IsQuantizableConv(NodeProto node, Dictionary<string, TensorProto> initializers) =>
        node.OpType == "Conv"
        && !initializers.ContainsKey(node.Input[0])
        && initializers.TryGetValue(node.Input[1], out var weight)
        && weight.DataType == (int)TensorProto.Types.DataType.Float
        && weight.Dims.Count == 4
        && (node.Input.Count < 3 || node.Input[2].Length == 0 || initializers.ContainsKey(node.Input[2]));

    private static (NodeProto Activation, float Upper)? FoldableActivation(
        string convOutput,
        Dictionary<string, List<NodeProto>> consumers,
        HashSet<string> graphOutputs,
        Dictionary<string, TensorProto> initializers,
        IReadOnlySet<string> keepFloat)
    {
        // Folding removes the clamp from the float graph, so nothing else may read the unclamped tensor.
        if (graphOutputs.Contains(convOutput) || !consumers.TryGetValue(convOutput, out var readers) || readers.Count != 1)
        {
            return null;
        }
        var activation = readers[0];
        if (keepFloat.Contains(activation.Name) || graphOutputs.Contains(activation.Output[0]))
        {
            return null;
        }
        if (activation.OpType == "Relu")
        {
            return (activation, float.PositiveInfinity);
        }
        if (activation.OpType != "Clip" || activation.Attribute.Count > 0)
        {
            return null;
        }
        var min = ConstantScalar(activation, 1, initializers);
        var max = activation.Input.Count > 2 && activation.Input[2].Length > 0
            ? ConstantScalar(activation, 2, initializers)
            : float.PositiveInfinity;
        return min == 0f && max is > 0f ? (activation, max.Value) : null;
    }

    private static float? ConstantScalar(NodeProto node, int index, Dictionary<string, TensorProto> initializers) =>
        node.Input.Count > index && initializers.TryGetValue(node.Input[index], out var tensor) && OnnxTensors.ElementCount(tensor) == 1
            ? OnnxTensors.ReadFloats(tensor)[0]
            : null;
}

using Onnx;
using RetrievalService.ModelPipeline.Onnx;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Quantization;

/// <summary>
/// Rewrites a float graph into ONNX's QDQ form by a <see cref="QuantizationPlan"/> and calibrated ranges:
/// QuantizeLinear → DequantizeLinear around every planned activation tensor, int8 per-channel weights and int32
/// biases behind DequantizeLinear. The graph stays a valid float graph that any runtime can execute; ONNX Runtime
/// fuses each DQ → Conv → Q into QLinearConv and DQ, DQ → Add → Q into QLinearAdd, which is where the speed comes from.
/// </summary>
public static class QdqQuantizer
{
    private const int MinimumOpset = 13; // per-axis DequantizeLinear

    public static ModelProto Quantize(ModelProto model, QuantizationPlan plan, IReadOnlyDictionary<string, TensorRange> ranges)
    {
        var opset = model.OpsetImport.SingleOrDefault(o => o.Domain is "" or "ai.onnx");
        if (opset is null || opset.Version < MinimumOpset)
        {
            throw new NotSupportedException($"Per-channel QDQ needs opset ≥ {MinimumOpset}; the model imports {opset?.Version.ToString() ?? "none"}.");
        }
        var result = model.Clone();
        var graph = result.Graph;
        var initializers = graph.Initializer.ToDictionary(i => i.Name);
        var activations = plan.Tensors.ToDictionary(
            t => t,
            t => QuantizationMath.Activation(
                ranges.TryGetValue(t, out var range) ? range : throw new ArgumentException($"No calibrated range for tensor '{t}'."),
                plan.UpperBounds.GetValueOrDefault(t, float.PositiveInfinity)));
        foreach (var (tensor, parameters) in activations)
        {
            graph.Initializer.Add(OnnxTensors.Scalar(tensor + "/scale", parameters.Scale));
            graph.Initializer.Add(OnnxTensors.UInt8(tensor + "/zero_point", [], [parameters.ZeroPoint]));
        }

        var quantizedNodes = plan.QuantizedNodes.ToHashSet();
        // Quantized node → the output of the activation folded into it.
        var foldedOutputs = graph.Node
            .Where(n => plan.FoldedActivations.ContainsKey(n.Name))
            .ToDictionary(n => plan.FoldedActivations[n.Name], n => n.Output[0]);
        var nodes = new List<NodeProto>();

        void AppendQdq(string tensor)
        {
            if (activations.ContainsKey(tensor))
            {
                nodes.Add(Node("QuantizeLinear", tensor + "/quantize", [tensor, tensor + "/scale", tensor + "/zero_point"], [tensor + "/quantized"]));
                nodes.Add(Node("DequantizeLinear", tensor + "/dequantize", [tensor + "/quantized", tensor + "/scale", tensor + "/zero_point"], [tensor + "/dequantized"]));
            }
        }

        foreach (var graphInput in graph.Input)
        {
            AppendQdq(graphInput.Name);
        }
        foreach (var original in graph.Node)
        {
            if (plan.FoldedActivations.ContainsKey(original.Name))
            {
                continue;
            }
            var node = original.Clone();
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (activations.ContainsKey(node.Input[i]))
                {
                    node.Input[i] += "/dequantized";
                }
            }
            if (quantizedNodes.Contains(node.Name) && node.OpType == "Conv")
            {
                QuantizeConvParameters(node, initializers, activations[original.Input[0]].Scale, nodes, graph);
            }
            if (foldedOutputs.TryGetValue(node.Name, out var activationOutput))
            {
                // The activation is gone: the node writes its tensor, and the quantized range does the clamping.
                node.Output[0] = activationOutput;
            }
            nodes.Add(node);
            foreach (var output in node.Output)
            {
                AppendQdq(output);
            }
        }

        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        // Replaced float weights and the folded activations' clamp bounds are dead now.
        OnnxGraphs.RemoveUnusedInitializers(graph);
        return result;
    }

    private static void QuantizeConvParameters(
        NodeProto conv, Dictionary<string, TensorProto> initializers, float inputScale,
        List<NodeProto> nodes, GraphProto graph)
    {
        var weightName = conv.Input[1];
        var weight = initializers[weightName];
        var outputChannels = (int)weight.Dims[0];
        var hasBias = conv.Input.Count >= 3 && conv.Input[2].Length > 0;
        var floatBias = hasBias ? OnnxTensors.ReadFloats(initializers[conv.Input[2]]) : null;
        var minimumScales = floatBias is null ? null : QuantizationMath.MinimumWeightScales(floatBias, inputScale);
        var (values, scales) = QuantizationMath.WeightsPerChannel(OnnxTensors.ReadFloats(weight), outputChannels, minimumScales);
        var prefix = conv.Name + "/weight";
        graph.Initializer.Add(OnnxTensors.Int8(prefix + "/quantized", weight.Dims.ToArray(), values));
        graph.Initializer.Add(OnnxTensors.Float(prefix + "/scale", [outputChannels], scales));
        graph.Initializer.Add(OnnxTensors.Int8(prefix + "/zero_point", [outputChannels], new sbyte[outputChannels]));
        nodes.Add(Node("DequantizeLinear", prefix + "/dequantize",
            [prefix + "/quantized", prefix + "/scale", prefix + "/zero_point"], [prefix + "/dequantized"], Int("axis", 0)));
        conv.Input[1] = prefix + "/dequantized";

        if (floatBias is null)
        {
            return;
        }
        var bias = QuantizationMath.Bias(floatBias, inputScale, scales);
        var biasScales = scales.Select(s => inputScale * s).ToArray();
        var biasPrefix = conv.Name + "/bias";
        graph.Initializer.Add(OnnxTensors.Int32(biasPrefix + "/quantized", [outputChannels], bias));
        graph.Initializer.Add(OnnxTensors.Float(biasPrefix + "/scale", [outputChannels], biasScales));
        graph.Initializer.Add(OnnxTensors.Int32(biasPrefix + "/zero_point", [outputChannels], new int[outputChannels]));
        nodes.Add(Node("DequantizeLinear", biasPrefix + "/dequantize",
            [biasPrefix + "/quantized", biasPrefix + "/scale", biasPrefix + "/zero_point"], [biasPrefix + "/dequantized"], Int("axis", 0)));
        conv.Input[2] = biasPrefix + "/dequantized";
    }
}

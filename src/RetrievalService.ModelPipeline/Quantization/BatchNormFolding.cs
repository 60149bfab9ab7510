using Onnx;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.ModelPipeline.Quantization;

/// <summary>
/// Folds an inference-mode BatchNormalization into the Conv before it: W' = W·γ/√(σ²+ε) per output channel,
/// b' = (b − μ)·γ/√(σ²+ε) + β. Exact up to float rounding, and what lets a Conv + BN + ReLU network (the teacher)
/// quantize into single integer kernels. A BatchNormalization that does not directly follow a Conv with constant
/// weights, or whose Conv output is read elsewhere, is left as it is.
/// </summary>
public static class BatchNormFolding
{
    public static (ModelProto Model, int Folded) Fold(ModelProto model)
    {
        var result = model.Clone();
        var graph = result.Graph;
        var initializers = graph.Initializer.ToDictionary(i => i.Name);
        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet();
        var readers = graph.Node.SelectMany(n => n.Input).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        var producers = graph.Node.SelectMany(n => n.Output.Select(o => (o, n))).ToDictionary(p => p.o, p => p.n);
        var removed = new HashSet<NodeProto>();

        foreach (var norm in graph.Node.Where(n => n.OpType == "BatchNormalization" && n.Output.Count == 1).ToList())
        {
            if (!producers.TryGetValue(norm.Input[0], out var conv) || conv.OpType != "Conv"
                || readers[norm.Input[0]] != 1 || graphOutputs.Contains(norm.Input[0])
                || !initializers.TryGetValue(conv.Input[1], out var weightTensor)
                || (conv.Input.Count > 2 && conv.Input[2].Length > 0 && !initializers.ContainsKey(conv.Input[2]))
                || norm.Input.Skip(1).Any(i => !initializers.ContainsKey(i)))
            {
                continue;
            }
            var epsilon = norm.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
            var gamma = OnnxTensors.ReadFloats(initializers[norm.Input[1]]);
            var beta = OnnxTensors.ReadFloats(initializers[norm.Input[2]]);
            var mean = OnnxTensors.ReadFloats(initializers[norm.Input[3]]);
            var variance = OnnxTensors.ReadFloats(initializers[norm.Input[4]]);
            var weights = OnnxTensors.ReadFloats(weightTensor);
            var channels = (int)weightTensor.Dims[0];
            var bias = conv.Input.Count > 2 && conv.Input[2].Length > 0 ? OnnxTensors.ReadFloats(initializers[conv.Input[2]]) : new float[channels];
            var perChannel = weights.Length / channels;
            var foldedBias = new float[channels];
            for (var c = 0; c < channels; c++)
            {
                var factor = gamma[c] / Math.Sqrt(variance[c] + epsilon);
                for (var i = 0; i < perChannel; i++)
                {
                    weights[c * perChannel + i] = (float)(weights[c * perChannel + i] * factor);
                }
                foldedBias[c] = (float)((bias[c] - mean[c]) * factor + beta[c]);
            }
            // New names: the originals may be shared with another node that must keep the unfolded values.
            var weightName = conv.Name + "/folded_weight";
            var biasName = conv.Name + "/folded_bias";
            graph.Initializer.Add(OnnxTensors.Float(weightName, [.. weightTensor.Dims], weights));
            graph.Initializer.Add(OnnxTensors.Float(biasName, [channels], foldedBias));
            conv.Input[1] = weightName;
            if (conv.Input.Count > 2)
            {
                conv.Input[2] = biasName;
            }
            else
            {
                conv.Input.Add(biasName);
            }
            conv.Output[0] = norm.Output[0];
            removed.Add(norm);
        }

        foreach (var norm in removed)
        {
            graph.Node.Remove(norm);
        }
        OnnxGraphs.RemoveUnusedInitializers(graph);
        return (result, removed.Count);
    }
}

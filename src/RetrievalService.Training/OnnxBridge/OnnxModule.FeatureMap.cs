using Onnx;
using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge;

public sealed partial class OnnxModule
{
    /// <summary>
    /// The spatial feature map the graph pools into its embedding: the input of its GeM head (Clip → Pow →
    /// GlobalAveragePool), [B, C, H, W]. Every model built here ends in that head (<c>EmbeddingHeadNodes.AppendGem</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">The graph has no GeM head.</exception>
    public string FeatureMapName => featureMapName ??= FindGemInput(model.Graph);

    private string? featureMapName;

    /// <summary>Runs the graph once and returns its output and its <see cref="FeatureMapName"/> tensor.</summary>
    public (Tensor Output, Tensor FeatureMap) ForwardWithFeatureMap(Tensor input)
    {
        var values = Run(input);
        return (Lookup(values, outputName, null), Lookup(values, FeatureMapName, null));
    }

    private static string FindGemInput(GraphProto graph)
    {
        var producers = graph.Node.SelectMany(n => n.Output.Select(o => (Output: o, Node: n))).ToDictionary(p => p.Output, p => p.Node);
        NodeProto? Producer(string name) => producers.GetValueOrDefault(name);
        foreach (var pool in graph.Node.Where(n => n.OpType == "GlobalAveragePool").Reverse())
        {
            if (Producer(pool.Input[0]) is { OpType: "Pow" } power && Producer(power.Input[0]) is { OpType: "Clip" or "Max" } clamp)
            {
                return clamp.Input[0];
            }
        }
        throw new InvalidDataException("The graph has no GeM head (Clip → Pow → GlobalAveragePool) whose input is a feature map.");
    }
}

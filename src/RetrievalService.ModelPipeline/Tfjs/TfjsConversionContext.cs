using Onnx;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// State shared by the op mappers while one graph is converted. ONNX value names are the TF node names,
/// so a converted graph can be traced back to the original node by node.
/// </summary>
public sealed class TfjsConversionContext(TfjsGraphModel model, GraphProto graph)
{
    private readonly HashSet<string> _initializers = new(StringComparer.Ordinal);

    public TfjsGraphModel Model { get; } = model;

    public GraphProto Graph { get; } = graph;

    /// <summary>Channel count of every converted value, checked against the next layer's weights.</summary>
    public Dictionary<string, int> Channels { get; } = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is a Const node with a weight.</summary>
    public bool IsConstant(string name) => Model.Weights.ContainsKey(name);

    /// <summary>Channel count of a converted data input; fails when the producer has not been converted.</summary>
    public int ChannelsOf(TfjsNode consumer, string input) =>
        Channels.TryGetValue(input, out var channels)
            ? channels
            : throw new InvalidOperationException($"{consumer.Op} '{consumer.Name}' reads '{input}', which was not converted.");

    /// <summary>Adds a float initializer once; later calls with the same name reuse it.</summary>
    public string AddInitializer(string name, long[] dims, ReadOnlySpan<float> values)
    {
        if (_initializers.Add(name))
        {
            Graph.Initializer.Add(OnnxTensors.Float(name, dims, values));
        }
        return name;
    }
}

using System.Text.Json.Nodes;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>A dequantised float32 weight in TensorFlow's own layout (row-major over <see cref="Shape"/>).</summary>
public sealed record TfjsTensor(int[] Shape, float[] Values)
{
    /// <summary>Element count implied by <see cref="Shape"/> (1 for a scalar).</summary>
    public int ElementCount => Shape.Aggregate(1, (a, b) => a * b);
}

/// <summary>
/// One node of a TFJS graph model. <see cref="Attributes"/> keeps TensorFlow's AttrValue JSON
/// (<c>{"strides":{"list":{"i":["1","2","2","1"]}},"padding":{"s":"U0FNRQ=="}}</c>); read it with <see cref="TfjsAttributes"/>.
/// </summary>
public sealed record TfjsNode(string Name, string Op, IReadOnlyList<string> Inputs, JsonObject Attributes);

/// <summary>A TFJS graph model: nodes in file order and their constant weights by node name.</summary>
public sealed record TfjsGraphModel(IReadOnlyList<TfjsNode> Nodes, IReadOnlyDictionary<string, TfjsTensor> Weights)
{
    /// <summary>The node called <paramref name="name"/>; fails naming it when absent.</summary>
    public TfjsNode Node(string name) =>
        Nodes.FirstOrDefault(n => n.Name == name) ?? throw new KeyNotFoundException($"The TFJS graph has no node '{name}'.");

    /// <summary>The weight of Const node <paramref name="name"/>; fails naming it when absent.</summary>
    public TfjsTensor Weight(string name) =>
        Weights.TryGetValue(name, out var tensor) ? tensor : throw new KeyNotFoundException($"The TFJS graph has no weight '{name}'.");
}

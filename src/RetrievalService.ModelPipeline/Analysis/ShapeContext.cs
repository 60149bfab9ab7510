using Onnx;

namespace RetrievalService.ModelPipeline.Analysis;

/// <summary>Known tensor shapes (batch 1) and constant tensors while shapes are propagated through a graph.</summary>
internal sealed class ShapeContext
{
    private readonly Dictionary<string, long[]> shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TensorProto> constants = new(StringComparer.Ordinal);

    public ShapeContext(GraphProto graph)
    {
        foreach (var initializer in graph.Initializer)
        {
            AddConstant(initializer.Name, initializer);
        }
    }

    public static long ElementCount(TensorProto tensor) => tensor.Dims.Aggregate(1L, (a, b) => a * b);

    public bool IsKnown(string name) => shapes.ContainsKey(name);

    public void Set(string name, long[] shape) => shapes[name] = shape;

    public void AddConstant(string name, TensorProto tensor)
    {
        constants[name] = tensor;
        shapes[name] = [.. tensor.Dims];
    }

    /// <summary>The shape of <paramref name="name"/>, which <paramref name="node"/> reads.</summary>
    public long[] Shape(NodeProto node, string name) => shapes.TryGetValue(name, out var shape)
        ? shape
        : throw new InvalidDataException($"{node.OpType} '{node.Name}' reads '{name}', which no earlier node or initializer produces.");

    /// <summary>Input <paramref name="index"/>'s shape, or null when the optional input is absent.</summary>
    public long[]? OptionalInput(NodeProto node, int index) =>
        index < node.Input.Count && node.Input[index].Length > 0 ? Shape(node, node.Input[index]) : null;

    /// <summary>
    /// Integer values of a constant input (Reshape's shape, Squeeze's axes); they must be known without running
    /// the graph, which holds for every graph this project builds.
    /// </summary>
    public long[] Int64Values(NodeProto node, string name)
    {
        if (!constants.TryGetValue(name, out var tensor))
        {
            throw new NotSupportedException($"{node.OpType} '{node.Name}': input '{name}' must be a constant for shape propagation.");
        }
        if (tensor.DataType != (int)TensorProto.Types.DataType.Int64)
        {
            throw new InvalidDataException($"{node.OpType} '{node.Name}': constant '{name}' has data type {tensor.DataType}, expected int64.");
        }
        return tensor.RawData.IsEmpty
            ? [.. tensor.Int64Data]
            : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(tensor.RawData.Span).ToArray();
    }
}

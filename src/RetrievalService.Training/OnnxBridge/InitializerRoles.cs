using Onnx;

namespace RetrievalService.Training.OnnxBridge;

/// <summary>Decides which float initializers become trainable parameters and which stay constant buffers.</summary>
internal static class InitializerRoles
{
    /// <summary>
    /// Trainable: float initializers with more than one element, except BatchNormalization running
    /// statistics; among single-element ones only a Pow exponent (GeM's p). Scalars elsewhere are
    /// structural constants (clip bounds, ε, preprocessing scale), and integer tensors are shapes or pads.
    /// </summary>
    public static HashSet<string> Trainable(GraphProto graph, OnnxImportOptions options)
    {
        var runningStatistics = graph.Node
            .Where(n => n.OpType == "BatchNormalization")
            .SelectMany(n => n.Input.Skip(3).Take(2))
            .ToHashSet();
        var exponents = PowExponents(graph);
        return graph.Initializer
            .Where(t => t.DataType == (int)TensorProto.Types.DataType.Float)
            .Where(t => !runningStatistics.Contains(t.Name) && !options.IsConstant(t.Name))
            .Where(t => ElementCount(t) > 1 || exponents.Contains(t.Name))
            .Select(t => t.Name)
            .ToHashSet();
    }

    /// <summary>Initializers used as the exponent of a Pow node: GeM's p (10× learning rate, no weight decay).</summary>
    public static HashSet<string> PowExponents(GraphProto graph) =>
        graph.Node.Where(n => n.OpType == "Pow" && n.Input.Count > 1).Select(n => n.Input[1]).ToHashSet();

    private static long ElementCount(TensorProto tensor) => tensor.Dims.Aggregate(1L, (a, b) => a * b);
}

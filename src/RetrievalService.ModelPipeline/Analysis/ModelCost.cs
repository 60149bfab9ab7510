using Onnx;

namespace RetrievalService.ModelPipeline.Analysis;

/// <summary>
/// Counts a model's parameters and multiply-accumulates (MACs) by propagating shapes from the image input
/// through the graph with batch 1. Only Conv (C_out·H_out·W_out·(C_in/group)·k_h·k_w), MatMul and Gemm
/// (inputs·outputs per row) count as MACs; element-wise ops, normalisation, activations, pooling and reductions
/// are linear in the activation size and are deliberately left out, as in the usual FLOPs tables.
/// </summary>
public static class ModelCost
{
    /// <summary>Measures <paramref name="model"/> for one image of <paramref name="height"/>×<paramref name="width"/>.</summary>
    /// <exception cref="NotSupportedException">The graph holds an op the counter has no shape rule for; the message names it.</exception>
    /// <exception cref="InvalidDataException">Shapes in the graph are inconsistent (e.g. a conv's weight disagrees with its input).</exception>
    public static ModelCostReport Measure(ModelProto model, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var graph = model.Graph;
        var context = new ShapeContext(graph);
        foreach (var input in graph.Input.Where(i => !context.IsKnown(i.Name)))
        {
            context.Set(input.Name, InputShape(input, height, width));
        }
        var nodes = new List<NodeCost>(graph.Node.Count);
        foreach (var node in graph.Node)
        {
            var macs = ShapeRules.Apply(context, node);
            nodes.Add(new NodeCost(node.Name, node.OpType, context.Shape(node, node.Output[0]), macs));
        }
        var parameters = graph.Initializer.Sum(ShapeContext.ElementCount);
        var weights = graph.Initializer
            .Where(t => t.DataType is (int)TensorProto.Types.DataType.Float or (int)TensorProto.Types.DataType.Int8 && ShapeContext.ElementCount(t) > 1)
            .Sum(ShapeContext.ElementCount);
        return new ModelCostReport(height, width, parameters, weights, nodes.Sum(n => n.Macs), nodes);
    }

    /// <summary>
    /// The image input is NCHW with symbolic batch/height/width; batch becomes 1 and the spatial sizes the
    /// requested ones. Fixed dimensions are kept, so a graph pinned to another size fails in its first conv.
    /// </summary>
    private static long[] InputShape(ValueInfoProto input, int height, int width)
    {
        var dims = input.Type?.TensorType?.Shape?.Dim
            ?? throw new InvalidDataException($"Graph input '{input.Name}' declares no shape.");
        var shape = new long[dims.Count];
        for (var axis = 0; axis < dims.Count; axis++)
        {
            var dim = dims[axis];
            shape[axis] = dim.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue
                ? dim.DimValue
                : (axis, dims.Count) switch
                {
                    (0, _) => 1,
                    (2, 4) => height,
                    (3, 4) => width,
                    _ => throw new InvalidDataException(
                        $"Graph input '{input.Name}' has symbolic axis {axis} ('{dim.DimParam}'); only NCHW batch, height and width may be symbolic."),
                };
        }
        return shape;
    }
}

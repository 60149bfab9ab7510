using Onnx;

namespace RetrievalService.ModelPipeline.Analysis;

/// <summary>The table of supported ops: each rule sets its node's output shapes and returns the node's MACs.</summary>
internal static class ShapeRules
{
    /// <summary>Ops the counter understands; anything else fails naming the op.</summary>
    public static readonly IReadOnlySet<string> SupportedOps = new SortedSet<string>(StringComparer.Ordinal)
    {
        "Conv", "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "MatMul", "Gemm",
        "BatchNormalization", "Relu", "Clip", "Sigmoid", "Sqrt", "Identity", "Dropout",
        "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum",
        "Flatten", "Reshape", "Squeeze", "Unsqueeze", "Transpose", "ReduceL2", "ReduceMean", "Constant",
        "QuantizeLinear", "DequantizeLinear",
    };

    public static long Apply(ShapeContext context, NodeProto node)
    {
        var macs = 0L;
        var output = node.OpType switch
        {
            "Conv" => ConvolutionShapes.Conv(context, node, out macs),
            "MaxPool" or "AveragePool" => ConvolutionShapes.Pool(context, node),
            "GlobalAveragePool" or "GlobalMaxPool" => ConvolutionShapes.GlobalPool(context, node),
            "MatMul" => MatrixShapes.MatMul(context, node, out macs),
            "Gemm" => MatrixShapes.Gemm(context, node, out macs),
            // Per-element ops keep the data input's shape; BatchNormalization's statistics are per channel.
            // QDQ pairs of an int8 model change the type, not the shape; the convolutions they feed still count.
            "BatchNormalization" or "Relu" or "Clip" or "Sigmoid" or "Sqrt" or "Identity" or "Dropout"
                or "QuantizeLinear" or "DequantizeLinear" =>
                context.Shape(node, node.Input[0]),
            "Add" or "Sub" or "Mul" or "Div" or "Pow" or "Max" or "Min" or "Sum" => TensorShapes.Broadcast(context, node),
            "Flatten" => TensorShapes.Flatten(context, node),
            "Reshape" => TensorShapes.Reshape(context, node),
            "Squeeze" => TensorShapes.Squeeze(context, node),
            "Unsqueeze" => TensorShapes.Unsqueeze(context, node),
            "Transpose" => TensorShapes.Transpose(context, node),
            "ReduceL2" or "ReduceMean" => TensorShapes.Reduce(context, node),
            "Constant" => Constant(context, node),
            _ => throw new NotSupportedException(
                $"Op '{node.OpType}' (node '{node.Name}') has no shape rule in the cost counter; supported: {string.Join(", ", SupportedOps)}."),
        };
        // Extra outputs (Dropout's mask, BatchNormalization's training outputs) are never read by our graphs.
        context.Set(node.Output[0], output);
        return macs;
    }

    private static long[] Constant(ShapeContext context, NodeProto node)
    {
        var value = node.Attribute.FirstOrDefault(a => a.Name == "value")?.T
            ?? throw new NotSupportedException($"Constant '{node.Name}' has no tensor 'value' attribute (sparse and list constants are not supported).");
        context.AddConstant(node.Output[0], value);
        return [.. value.Dims];
    }
}

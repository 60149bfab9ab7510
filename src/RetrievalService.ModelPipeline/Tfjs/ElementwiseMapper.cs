using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>Element-wise TF ops. Constant operands are scalars or per-channel vectors (reshaped to [C,1,1] for NCHW).</summary>
public static class ElementwiseMapper
{
    /// <summary>A two-input op (AddV2, Sub, Mul) with numpy broadcasting, as in TF.</summary>
    public static void MapBinary(TfjsConversionContext context, TfjsNode node, string onnxOp)
    {
        var inputs = DataInputs(node);
        if (inputs.Length != 2)
        {
            throw new NotSupportedException($"{node.Op} '{node.Name}' has {inputs.Length} data inputs; expected 2.");
        }
        var data = inputs.Where(i => !context.IsConstant(i)).ToArray();
        var channels = data.Select(i => context.ChannelsOf(node, i)).Distinct().ToArray();
        if (channels.Length != 1)
        {
            throw new NotSupportedException(
                $"{node.Op} '{node.Name}' needs one non-constant input or two with equal channels (got {string.Join(", ", channels)}).");
        }
        var operands = inputs.Select(i => context.IsConstant(i) ? AddBroadcastConstant(context, node, i, channels[0]) : i);
        context.Graph.Node.Add(Node(onnxOp, node.Name, operands));
        context.Channels[node.Name] = channels[0];
    }

    /// <summary>A one-input op whose ONNX nodes <paramref name="emit"/> appends, given the input name.</summary>
    public static void MapUnary(TfjsConversionContext context, TfjsNode node, Action<string> emit)
    {
        var inputs = DataInputs(node);
        if (inputs.Length != 1 || context.IsConstant(inputs[0]))
        {
            throw new NotSupportedException($"{node.Op} '{node.Name}' must have exactly one non-constant input.");
        }
        emit(inputs[0]);
        context.Channels[node.Name] = context.ChannelsOf(node, inputs[0]);
    }

    private static string[] DataInputs(TfjsNode node) => node.Inputs.Select(TfjsGraphOrder.DataInput).OfType<string>().ToArray();

    private static string AddBroadcastConstant(TfjsConversionContext context, TfjsNode node, string name, int channels)
    {
        var weight = context.Model.Weight(name);
        long[] dims = weight.Shape switch
        {
            [] => [],
            [1] => [],
            [var c] when c == channels => [c, 1, 1],
            _ => throw new NotSupportedException(
                $"{node.Op} '{node.Name}': constant '{name}' of shape [{string.Join(",", weight.Shape)}] is neither a scalar nor per-channel."),
        };
        return context.AddInitializer(name, dims, weight.Values);
    }
}

using Onnx;

namespace RetrievalService.ModelPipeline.Analysis;

/// <summary>Conv and pooling output shapes (https://onnx.ai/onnx/operators/onnx__Conv.html), spatial rank 2.</summary>
internal static class ConvolutionShapes
{
    /// <summary>Conv; MACs = C_out · H_out · W_out · (C_in / group) · k_h · k_w, the bias add not counted.</summary>
    public static long[] Conv(ShapeContext context, NodeProto node, out long macs)
    {
        var input = NchwInput(context, node);
        var weight = context.Shape(node, node.Input[1]);
        var group = NodeAttributes.Int(node, "group", 1);
        if (weight.Length != 4 || input[1] % group != 0 || weight[0] % group != 0 || input[1] / group != weight[1])
        {
            throw new InvalidDataException(
                $"Conv '{node.Name}': weight [{string.Join(",", weight)}] with group {group} does not fit input [{string.Join(",", input)}].");
        }
        long[] kernel = [weight[2], weight[3]];
        var spatial = OutputSpatial(node, input, kernel, dilationsApply: true);
        macs = weight[0] * spatial[0] * spatial[1] * weight[1] * kernel[0] * kernel[1];
        return [input[0], weight[0], spatial[0], spatial[1]];
    }

    /// <summary>MaxPool and AveragePool: channels kept, kernel from <c>kernel_shape</c>.</summary>
    public static long[] Pool(ShapeContext context, NodeProto node)
    {
        var input = NchwInput(context, node);
        var kernel = NodeAttributes.Ints(node, "kernel_shape")
            ?? throw new InvalidDataException($"{node.OpType} '{node.Name}' has no kernel_shape.");
        var spatial = OutputSpatial(node, input, kernel, dilationsApply: node.OpType == "MaxPool");
        return [input[0], input[1], spatial[0], spatial[1]];
    }

    public static long[] GlobalPool(ShapeContext context, NodeProto node)
    {
        var input = NchwInput(context, node);
        return [input[0], input[1], 1, 1];
    }

    private static long[] NchwInput(ShapeContext context, NodeProto node)
    {
        var input = context.Shape(node, node.Input[0]);
        return input.Length == 4
            ? input
            : throw new NotSupportedException($"{node.OpType} '{node.Name}': input of rank {input.Length}; only 2-D (NCHW) is supported.");
    }

    private static long[] OutputSpatial(NodeProto node, long[] input, long[] kernel, bool dilationsApply)
    {
        var strides = NodeAttributes.Ints(node, "strides") ?? [1, 1];
        var dilations = dilationsApply ? NodeAttributes.Ints(node, "dilations") ?? [1, 1] : [1, 1];
        var pads = NodeAttributes.Ints(node, "pads") ?? [0, 0, 0, 0];
        var autoPad = NodeAttributes.String(node, "auto_pad", "NOTSET");
        var ceil = NodeAttributes.Int(node, "ceil_mode", 0) == 1;
        var output = new long[2];
        for (var axis = 0; axis < 2; axis++)
        {
            var size = input[2 + axis];
            var effectiveKernel = (kernel[axis] - 1) * dilations[axis] + 1;
            output[axis] = autoPad switch
            {
                "SAME_UPPER" or "SAME_LOWER" => (size + strides[axis] - 1) / strides[axis],
                "VALID" => (size - effectiveKernel) / strides[axis] + 1,
                "NOTSET" => Windows(size + pads[axis] + pads[2 + axis] - effectiveKernel, strides[axis], ceil),
                _ => throw new NotSupportedException($"{node.OpType} '{node.Name}': auto_pad '{autoPad}' is not supported."),
            };
            if (output[axis] < 1)
            {
                throw new InvalidDataException(
                    $"{node.OpType} '{node.Name}': a {input[2]}×{input[3]} input is smaller than the {kernel[0]}×{kernel[1]} window.");
            }
        }
        return output;
    }

    /// <summary>Window count along one axis; 0 when the padded input is smaller than one window.</summary>
    private static long Windows(long span, long stride, bool ceil) =>
        span < 0 ? 0 : (ceil ? (span + stride - 1) / stride : span / stride) + 1;
}

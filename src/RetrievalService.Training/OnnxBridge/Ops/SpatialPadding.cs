using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>
/// Resolves ONNX's padding for 2-D Conv and pooling: explicit <c>pads</c> [top, left, bottom, right]
/// or <c>auto_pad</c> (VALID, SAME_UPPER, SAME_LOWER), into begin/end pads per spatial axis.
/// </summary>
internal readonly record struct SpatialPadding(long[] Begin, long[] End)
{
    /// <summary>Torch's symmetric <c>padding</c> argument applies only when both sides agree.</summary>
    public bool IsSymmetric => Begin.SequenceEqual(End);

    /// <summary>The argument list of <c>functional.pad</c> (last axis first): [left, right, top, bottom].</summary>
    public long[] TorchPadList => [Begin[1], End[1], Begin[0], End[0]];

    public static SpatialPadding Resolve(NodeContext context, Tensor input, long[] kernel, long[] strides, long[] dilations)
    {
        var autoPad = context.String("auto_pad", "NOTSET");
        switch (autoPad)
        {
            case "NOTSET":
                var pads = context.Ints("pads") ?? [0, 0, 0, 0];
                return pads.Length == 4
                    ? new SpatialPadding([pads[0], pads[1]], [pads[2], pads[3]])
                    : throw context.Invalid($"pads has {pads.Length} values, expected 4 for 2-D");
            case "VALID":
                return new SpatialPadding([0, 0], [0, 0]);
            case "SAME_UPPER" or "SAME_LOWER":
                return Same(input, kernel, strides, dilations, upper: autoPad == "SAME_UPPER");
            default:
                throw context.Invalid($"unknown auto_pad '{autoPad}'");
        }
    }

    /// <summary>Pads so that output = ceil(input / stride); the odd pixel goes at the end (UPPER) or start (LOWER).</summary>
    private static SpatialPadding Same(Tensor input, long[] kernel, long[] strides, long[] dilations, bool upper)
    {
        long[] begin = new long[2], end = new long[2];
        for (var axis = 0; axis < 2; axis++)
        {
            var size = input.shape[axis + 2];
            var output = (size + strides[axis] - 1) / strides[axis];
            var span = (kernel[axis] - 1) * dilations[axis] + 1;
            var total = Math.Max((output - 1) * strides[axis] + span - size, 0);
            var small = total / 2;
            (begin[axis], end[axis]) = upper ? (small, total - small) : (total - small, small);
        }
        return new SpatialPadding(begin, end);
    }
}

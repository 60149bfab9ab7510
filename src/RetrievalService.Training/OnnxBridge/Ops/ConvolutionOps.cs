using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>2-D Conv with groups, strides, dilations, optional bias, and symmetric or asymmetric pads.</summary>
internal static class ConvolutionOps
{
    public static void Register(IDictionary<string, Func<NodeContext, Tensor>> kernels) => kernels["Conv"] = Conv;

    private static Tensor Conv(NodeContext context)
    {
        var input = context.Input(0);
        var weight = context.Input(1);
        if (input.dim() != 4 || weight.dim() != 4)
        {
            throw context.Unsupported("only 2-D convolution on NCHW input");
        }
        long[] kernel = context.Ints("kernel_shape") ?? [weight.shape[2], weight.shape[3]];
        var strides = context.Ints("strides") ?? [1, 1];
        var dilations = context.Ints("dilations") ?? [1, 1];
        var groups = context.Int("group", 1);
        var padding = SpatialPadding.Resolve(context, input, kernel, strides, dilations);
        if (padding.IsSymmetric)
        {
            return functional.conv2d(input, weight, context.OptionalInput(2), strides, padding.Begin, dilations, groups);
        }
        // Torch's conv2d pads both sides alike; TF-style SAME pads (0,0,1,1 on MobileNet's stride-2 convs)
        // need an explicit zero pad first.
        var padded = functional.pad(input, padding.TorchPadList);
        return functional.conv2d(padded, weight, context.OptionalInput(2), strides, [0, 0], dilations, groups);
    }
}

using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>2-D MaxPool and AveragePool (explicit or auto pads, ceil mode), GlobalAveragePool, GlobalMaxPool.</summary>
internal static class PoolingOps
{
    public static void Register(IDictionary<string, Func<NodeContext, Tensor>> kernels)
    {
        kernels["MaxPool"] = MaxPool;
        kernels["AveragePool"] = AveragePool;
        kernels["GlobalAveragePool"] = context => context.Input(0).mean(SpatialAxes(context.Input(0)), keepdim: true);
        kernels["GlobalMaxPool"] = context => context.Input(0).amax(SpatialAxes(context.Input(0)), keepdim: true);
    }

    private static long[] SpatialAxes(Tensor input) => [.. Enumerable.Range(2, (int)input.dim() - 2).Select(i => (long)i)];

    private static Tensor MaxPool(NodeContext context)
    {
        var (input, kernel, strides, dilations) = Window(context);
        var padding = SpatialPadding.Resolve(context, input, kernel, strides, dilations);
        var ceil = context.Int("ceil_mode", 0) != 0;
        if (FitsTorchPadding(padding, kernel))
        {
            return functional.max_pool2d(input, kernel, strides, padding.Begin, dilations, ceil);
        }
        // Padding with −∞ never wins a max, which is ONNX's meaning of a padded MaxPool window.
        var padded = functional.pad(input, padding.TorchPadList, value: double.NegativeInfinity);
        return functional.max_pool2d(padded, kernel, strides, [0, 0], dilations, ceil);
    }

    private static Tensor AveragePool(NodeContext context)
    {
        var (input, kernel, strides, dilations) = Window(context);
        if (dilations.Any(d => d != 1))
        {
            throw context.Unsupported("dilated AveragePool");
        }
        var padding = SpatialPadding.Resolve(context, input, kernel, strides, dilations);
        var ceil = context.Int("ceil_mode", 0) != 0;
        var includePad = context.Int("count_include_pad", 0) != 0;
        if (FitsTorchPadding(padding, kernel))
        {
            return functional.avg_pool2d(input, kernel, strides, padding.Begin, ceil, includePad);
        }
        var padded = functional.pad(input, padding.TorchPadList);
        var sums = functional.avg_pool2d(padded, kernel, strides, [0, 0], ceil, count_include_pad: true);
        if (includePad)
        {
            return sums;
        }
        // Without count_include_pad each window divides by its real pixels: pool a padded mask the same way.
        using var ones = torch.ones(1, 1, input.shape[2], input.shape[3], dtype: input.dtype, device: input.device);
        using var mask = functional.pad(ones, padding.TorchPadList);
        using var counts = functional.avg_pool2d(mask, kernel, strides, [0, 0], ceil, count_include_pad: true);
        return sums / counts;
    }

    private static (Tensor Input, long[] Kernel, long[] Strides, long[] Dilations) Window(NodeContext context)
    {
        var input = context.Input(0);
        var kernel = context.Ints("kernel_shape") ?? throw context.Invalid("kernel_shape is required");
        if (input.dim() != 4 || kernel.Length != 2)
        {
            throw context.Unsupported("only 2-D pooling on NCHW input");
        }
        return (input, kernel, context.Ints("strides") ?? [1, 1], context.Ints("dilations") ?? [1, 1]);
    }

    /// <summary>Torch pools pad both sides alike and at most half a kernel.</summary>
    private static bool FitsTorchPadding(SpatialPadding padding, long[] kernel) =>
        padding.IsSymmetric && padding.Begin.Zip(kernel).All(pair => pair.First <= pair.Second / 2);
}

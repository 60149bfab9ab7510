using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>ReduceMean, ReduceSum, ReduceMax and ReduceL2 with axes as an attribute or (opset 13/18) an input.</summary>
internal static class ReductionOps
{
    public static void Register(IDictionary<string, Func<NodeContext, Tensor>> kernels)
    {
        kernels["ReduceMean"] = context => Reduce(context, (x, axes, keep) => x.mean(axes, keep));
        kernels["ReduceSum"] = context => Reduce(context, (x, axes, keep) => x.sum(axes, keep));
        kernels["ReduceMax"] = context => Reduce(context, (x, axes, keep) => x.amax(axes, keep));
        // vector_norm's gradient at a zero vector is 0, not NaN as sqrt(sum(x²)) would give.
        kernels["ReduceL2"] = context => Reduce(context, (x, axes, keep) => linalg.vector_norm(x, 2, axes, keep));
    }

    private static Tensor Reduce(NodeContext context, Func<Tensor, long[], bool, Tensor> reduce)
    {
        var input = context.Input(0);
        var keepDims = context.Int("keepdims", 1) != 0;
        var axes = context.Ints("axes") ?? context.OptionalLongs(1) ?? [];
        if (axes.Length == 0)
        {
            if (context.Int("noop_with_empty_axes", 0) != 0)
            {
                return input;
            }
            axes = [.. Enumerable.Range(0, (int)input.dim()).Select(i => (long)i)];
        }
        return reduce(input, axes, keepDims);
    }
}

using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>Flatten, Reshape, Concat, Transpose, Squeeze, Unsqueeze and Pad.</summary>
internal static class ShapeOps
{
    public static void Register(IDictionary<string, Func<NodeContext, Tensor>> kernels)
    {
        kernels["Flatten"] = Flatten;
        kernels["Reshape"] = Reshape;
        kernels["Concat"] = Concat;
        kernels["Transpose"] = context => context.Input(0).permute(
            context.Ints("perm") ?? [.. Enumerable.Range(0, (int)context.Input(0).dim()).Reverse().Select(i => (long)i)]);
        kernels["Squeeze"] = Squeeze;
        kernels["Unsqueeze"] = Unsqueeze;
        kernels["Pad"] = PadOp.Pad;
    }

    private static Tensor Concat(NodeContext context)
    {
        var axis = context.Ints("axis") is null && context.Node.Attribute.All(a => a.Name != "axis")
            ? throw context.Invalid("axis is required")
            : context.Int("axis", 0);
        return cat(Enumerable.Range(0, context.InputCount).Select(context.Input).ToArray(), axis);
    }

    private static Tensor Flatten(NodeContext context)
    {
        var input = context.Input(0);
        var axis = context.Int("axis", 1);
        axis = axis < 0 ? axis + input.dim() : axis;
        var outer = input.shape.Take((int)axis).Aggregate(1L, (a, b) => a * b);
        return input.reshape(outer, -1);
    }

    private static Tensor Reshape(NodeContext context)
    {
        var input = context.Input(0);
        var shape = context.OptionalLongs(1) ?? throw context.Invalid("the shape input is required");
        if (context.Int("allowzero", 0) == 0)
        {
            // A 0 copies the input's size on that axis (unless allowzero says it means an empty axis).
            shape = [.. shape.Select((size, axis) => size == 0 ? input.shape[axis] : size)];
        }
        return input.reshape(shape);
    }

    private static Tensor Squeeze(NodeContext context)
    {
        var input = context.Input(0);
        var axes = context.Ints("axes") ?? context.OptionalLongs(1);
        if (axes is null)
        {
            return input.squeeze();
        }
        long[] kept = [.. input.shape.Where((_, axis) => !axes.Select(a => a < 0 ? a + input.dim() : a).Contains(axis))];
        return input.reshape(kept);
    }

    private static Tensor Unsqueeze(NodeContext context)
    {
        var input = context.Input(0);
        var axes = context.Ints("axes") ?? context.OptionalLongs(1) ?? throw context.Invalid("axes are required");
        var rank = input.dim() + axes.Length;
        var result = input;
        foreach (var axis in axes.Select(a => a < 0 ? a + rank : a).Order())
        {
            result = result.unsqueeze(axis);
        }
        return result;
    }
}

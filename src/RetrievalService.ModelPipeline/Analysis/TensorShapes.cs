using Onnx;

namespace RetrievalService.ModelPipeline.Analysis;

/// <summary>Shape rules of ops that move or combine elements without multiply-accumulates.</summary>
internal static class TensorShapes
{
    /// <summary>Multidirectional (numpy) broadcasting over every input of an element-wise op.</summary>
    public static long[] Broadcast(ShapeContext context, NodeProto node) =>
        node.Input.Where(i => i.Length > 0).Select(i => context.Shape(node, i)).Aggregate((a, b) => Broadcast(node, a, b));

    public static long[] Broadcast(NodeProto node, long[] a, long[] b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new long[rank];
        for (var i = 1; i <= rank; i++)
        {
            var x = i <= a.Length ? a[^i] : 1;
            var y = i <= b.Length ? b[^i] : 1;
            result[^i] = x == y || y == 1 ? x : x == 1 ? y
                : throw new InvalidDataException(
                    $"{node.OpType} '{node.Name}': shapes [{string.Join(",", a)}] and [{string.Join(",", b)}] do not broadcast.");
        }
        return result;
    }

    public static long[] Flatten(ShapeContext context, NodeProto node)
    {
        var input = context.Shape(node, node.Input[0]);
        var axis = Axis(NodeAttributes.Int(node, "axis", 1), input.Length + 1);
        return [Product(input[..(int)axis]), Product(input[(int)axis..])];
    }

    /// <summary>Reshape with a constant target: 0 copies the input's size, -1 takes what is left.</summary>
    public static long[] Reshape(ShapeContext context, NodeProto node)
    {
        var input = context.Shape(node, node.Input[0]);
        var target = context.Int64Values(node, node.Input[1]);
        var allowZero = NodeAttributes.Int(node, "allowzero", 0) == 1;
        var result = target.Select((size, i) => size == 0 && !allowZero ? input[i] : size).ToArray();
        var inferred = Array.IndexOf(result, -1L);
        if (inferred >= 0)
        {
            result[inferred] = Product(input) / Product(result.Where(s => s != -1).ToArray());
        }
        return Product(result) == Product(input)
            ? result
            : throw new InvalidDataException($"Reshape '{node.Name}': [{string.Join(",", input)}] cannot become [{string.Join(",", target)}].");
    }

    public static long[] Squeeze(ShapeContext context, NodeProto node)
    {
        var input = context.Shape(node, node.Input[0]);
        var axes = Axes(context, node, input.Length);
        return [.. input.Where((size, i) => axes is null ? size != 1 : !axes.Contains(i))];
    }

    public static long[] Unsqueeze(ShapeContext context, NodeProto node)
    {
        var input = context.Shape(node, node.Input[0]);
        var raw = RawAxes(context, node) ?? throw new InvalidDataException($"Unsqueeze '{node.Name}' has no axes.");
        var rank = input.Length + raw.Length;
        var axes = raw.Select(a => (int)Axis(a, rank)).ToHashSet();
        var remaining = new Queue<long>(input);
        return [.. Enumerable.Range(0, rank).Select(i => axes.Contains(i) ? 1 : remaining.Dequeue())];
    }

    public static long[] Transpose(ShapeContext context, NodeProto node)
    {
        var input = context.Shape(node, node.Input[0]);
        var perm = NodeAttributes.Ints(node, "perm") ?? [.. Enumerable.Range(0, input.Length).Reverse().Select(i => (long)i)];
        return [.. perm.Select(axis => input[axis])];
    }

    /// <summary>ReduceL2/ReduceMean: axes from the attribute (opset ≤ 17) or the second input (opset 18); none means all.</summary>
    public static long[] Reduce(ShapeContext context, NodeProto node)
    {
        var input = context.Shape(node, node.Input[0]);
        var axes = Axes(context, node, input.Length);
        if (axes is null && NodeAttributes.Int(node, "noop_with_empty_axes", 0) == 1)
        {
            return input;
        }
        var keep = NodeAttributes.Int(node, "keepdims", 1) == 1;
        var reduced = Enumerable.Range(0, input.Length).Where(i => axes is null || axes.Contains(i)).ToHashSet();
        return [.. input.Select((size, i) => (size, i)).Where(d => keep || !reduced.Contains(d.i)).Select(d => reduced.Contains(d.i) ? 1 : d.size)];
    }

    /// <summary>Axes normalised to non-negative; null when absent or empty, which means "all" (or "every 1") in the spec.</summary>
    private static HashSet<int>? Axes(ShapeContext context, NodeProto node, int rank) =>
        RawAxes(context, node) is { Length: > 0 } axes ? axes.Select(a => (int)Axis(a, rank)).ToHashSet() : null;

    private static long[]? RawAxes(ShapeContext context, NodeProto node) =>
        NodeAttributes.Ints(node, "axes")
        ?? (node.Input.Count > 1 && node.Input[1].Length > 0 ? context.Int64Values(node, node.Input[1]) : null);

    private static long Axis(long axis, long rank) => axis < 0 ? axis + rank : axis;

    private static long Product(long[] dims) => dims.Aggregate(1L, (a, b) => a * b);
}

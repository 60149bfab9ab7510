using Onnx;

namespace RetrievalService.ModelPipeline.Analysis;

/// <summary>MatMul and Gemm output shapes; one multiply-accumulate per (output element, inner index) pair.</summary>
internal static class MatrixShapes
{
    /// <summary>numpy matmul: [..., n, k] × [..., k, m] → [..., n, m]; a 1-D operand gains then loses an axis.</summary>
    public static long[] MatMul(ShapeContext context, NodeProto node, out long macs)
    {
        var a = context.Shape(node, node.Input[0]);
        var b = context.Shape(node, node.Input[1]);
        long[] left = a.Length == 1 ? [1, a[0]] : a;
        long[] right = b.Length == 1 ? [b[0], 1] : b;
        var inner = left[^1];
        if (right[^2] != inner)
        {
            throw new InvalidDataException(
                $"MatMul '{node.Name}': [{string.Join(",", a)}] × [{string.Join(",", b)}] have different inner sizes.");
        }
        var batch = TensorShapes.Broadcast(node, left[..^2], right[..^2]);
        long[] full = [.. batch, left[^2], right[^1]];
        macs = full.Aggregate(1L, (x, y) => x * y) * inner;
        // Drop the axes that 1-D operands gained, as numpy does.
        var result = full.ToList();
        if (b.Length == 1)
        {
            result.RemoveAt(result.Count - 1);
        }
        if (a.Length == 1)
        {
            result.RemoveAt(result.Count - (b.Length == 1 ? 1 : 2));
        }
        return [.. result];
    }

    /// <summary>Gemm: op(A) [M, K] × op(B) [K, N] (+ C) → [M, N], with op a transpose when transA/transB is 1.</summary>
    public static long[] Gemm(ShapeContext context, NodeProto node, out long macs)
    {
        var a = context.Shape(node, node.Input[0]);
        var b = context.Shape(node, node.Input[1]);
        if (a.Length != 2 || b.Length != 2)
        {
            throw new InvalidDataException($"Gemm '{node.Name}': operands must be 2-D, got [{string.Join(",", a)}] and [{string.Join(",", b)}].");
        }
        var (m, k) = NodeAttributes.Int(node, "transA", 0) == 1 ? (a[1], a[0]) : (a[0], a[1]);
        var (kb, n) = NodeAttributes.Int(node, "transB", 0) == 1 ? (b[1], b[0]) : (b[0], b[1]);
        if (k != kb)
        {
            throw new InvalidDataException($"Gemm '{node.Name}': inner sizes {k} and {kb} differ.");
        }
        macs = m * k * n;
        return [m, n];
    }
}

using Onnx;
using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>The kernel table: ONNX op type → torch implementation, one family per file.</summary>
internal static class OnnxOps
{
    private static readonly Dictionary<string, Func<NodeContext, Tensor>> Kernels = Build();

    /// <summary>Op types the importer runs, sorted, for error messages and docs.</summary>
    public static IReadOnlyList<string> Supported { get; } = [.. Kernels.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// The kernels a graph needs; fails at import (not at the first forward) on the first node whose op,
    /// domain or output arity the importer does not handle.
    /// </summary>
    public static Dictionary<string, Func<NodeContext, Tensor>> Resolve(IEnumerable<NodeProto> nodes)
    {
        var needed = new Dictionary<string, Func<NodeContext, Tensor>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Domain is not ("" or "ai.onnx") || !Kernels.TryGetValue(node.OpType, out var kernel))
            {
                throw new UnsupportedOnnxOpException(node.OpType, node.Name,
                    node.Domain is "" or "ai.onnx" ? null : $"domain '{node.Domain}'");
            }
            // Optional extra outputs (MaxPool indices, Dropout mask, BN training statistics) are not produced.
            if (node.Output.Skip(1).Any(name => name.Length > 0))
            {
                throw new UnsupportedOnnxOpException(node.OpType, node.Name, "only the first output can be consumed");
            }
            needed[node.OpType] = kernel;
        }
        return needed;
    }

    private static Dictionary<string, Func<NodeContext, Tensor>> Build()
    {
        var kernels = new Dictionary<string, Func<NodeContext, Tensor>>(StringComparer.Ordinal);
        ConvolutionOps.Register(kernels);
        LinearOps.Register(kernels);
        NormalizationOps.Register(kernels);
        ElementwiseOps.Register(kernels);
        ActivationOps.Register(kernels);
        PoolingOps.Register(kernels);
        ReductionOps.Register(kernels);
        ShapeOps.Register(kernels);
        IndexingOps.Register(kernels);
        return kernels;
    }
}

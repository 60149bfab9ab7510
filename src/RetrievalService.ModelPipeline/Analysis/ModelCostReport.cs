namespace RetrievalService.ModelPipeline.Analysis;

/// <summary>Size and arithmetic cost of one model for one image of a given size.</summary>
/// <param name="Height">Image height the shapes were propagated for.</param>
/// <param name="Width">Image width the shapes were propagated for.</param>
/// <param name="Parameters">Element count of every initializer, scalars and non-float tensors included.</param>
/// <param name="Weights">
/// Element count of the float initializers with more than one element: learned weights, biases and
/// BatchNormalization statistics, without scalar constants such as GeM's p or a clamp bound.
/// </param>
/// <param name="Macs">Multiply-accumulates of Conv, MatMul and Gemm for one image (batch 1).</param>
/// <param name="Nodes">Per-node breakdown in graph order.</param>
public sealed record ModelCostReport(int Height, int Width, long Parameters, long Weights, long Macs, IReadOnlyList<NodeCost> Nodes)
{
    /// <summary><see cref="Macs"/> in units of 10⁹.</summary>
    public double GigaMacs => Macs / 1e9;
}

/// <summary>One node's output shape (first output, batch 1) and its multiply-accumulates.</summary>
public sealed record NodeCost(string Name, string OpType, IReadOnlyList<long> OutputShape, long Macs);

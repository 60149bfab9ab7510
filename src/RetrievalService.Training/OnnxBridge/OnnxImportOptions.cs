namespace RetrievalService.Training.OnnxBridge;

/// <summary>How <see cref="OnnxModule"/> turns a graph into a trainable module.</summary>
public sealed record OnnxImportOptions
{
    /// <summary>
    /// Batch normalisation uses its running statistics even in <c>train()</c> mode, as the method requires (docs/method.md#network-shape)
    /// (BN frozen). The affine scale and shift stay trainable. Set false to train BN with batch statistics.
    /// </summary>
    public bool FreezeBatchNorm { get; init; } = true;

    /// <summary>
    /// Float initializers to keep as constant buffers although their role would make them trainable
    /// (e.g. a preprocessing convolution). Receives the ONNX initializer name.
    /// </summary>
    public Func<string, bool> IsConstant { get; init; } = _ => false;
}

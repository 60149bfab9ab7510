namespace RetrievalService.Embedding.Inference;

/// <summary>Which ONNX Runtime execution provider runs a model.</summary>
public enum ExecutionProviderKind
{
    /// <summary>The default CPU provider.</summary>
    Cpu,

    /// <summary>CUDA; falls back to CPU with one warning when the build or the host cannot provide it.</summary>
    Cuda,

    /// <summary>CUDA when available, else CPU without a warning (the fallback is expected, so it is logged as information).</summary>
    Auto,
}

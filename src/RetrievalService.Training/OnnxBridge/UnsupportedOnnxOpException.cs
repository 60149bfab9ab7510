namespace RetrievalService.Training.OnnxBridge;

/// <summary>Thrown at import time when a graph uses an op (or op variant) the TorchSharp importer cannot run.</summary>
public sealed class UnsupportedOnnxOpException : NotSupportedException
{
    /// <summary>Creates the exception for one node.</summary>
    public UnsupportedOnnxOpException(string opType, string nodeName, string? detail = null)
        : base($"ONNX op '{opType}' (node '{nodeName}') is not supported by the TorchSharp importer"
            + (detail is null ? "." : $": {detail}.")
            + " Supported ops: " + string.Join(", ", Ops.OnnxOps.Supported) + ".")
    {
        OpType = opType;
        NodeName = nodeName;
    }

    /// <summary>The ONNX op type, e.g. <c>LSTM</c>.</summary>
    public string OpType { get; }

    /// <summary>The node's name in the graph (empty when the graph left it unnamed).</summary>
    public string NodeName { get; }
}

using System.Text;
using Onnx;
using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>One node's inputs and attributes, as its kernel sees them.</summary>
internal sealed class NodeContext(NodeProto node, Tensor?[] inputs, bool batchNormTraining)
{
    public NodeProto Node => node;

    /// <summary>True when BatchNormalization should use and update batch statistics.</summary>
    public bool BatchNormTraining => batchNormTraining;

    public int InputCount => inputs.Length;

    public Tensor Input(int index) =>
        OptionalInput(index) ?? throw Invalid($"input {index} is required");

    /// <summary>Null when the input is absent or given as the empty name (ONNX's optional-input convention).</summary>
    public Tensor? OptionalInput(int index) => index < inputs.Length ? inputs[index] : null;

    /// <summary>An integer input such as a shape, pads or axes, read to host memory.</summary>
    public long[]? OptionalLongs(int index) =>
        OptionalInput(index) is { } value ? value.to_type(ScalarType.Int64).cpu().data<long>().ToArray() : null;

    public long Int(string name, long fallback) => Find(name) is { } a ? a.I : fallback;

    public float Float(string name, float fallback) => Find(name) is { } a ? a.F : fallback;

    public string String(string name, string fallback) =>
        Find(name) is { } a ? Encoding.UTF8.GetString(a.S.Span) : fallback;

    public long[]? Ints(string name) => Find(name) is { } a ? [.. a.Ints] : null;

    public TensorProto? TensorAttribute(string name) => Find(name)?.T;

    /// <summary>An error that names the node, for malformed graphs.</summary>
    public InvalidDataException Invalid(string message) =>
        new($"{node.OpType} node '{node.Name}': {message}.");

    /// <summary>An error for a valid ONNX variant the importer does not implement.</summary>
    public UnsupportedOnnxOpException Unsupported(string detail) => new(node.OpType, node.Name, detail);

    private AttributeProto? Find(string name) => node.Attribute.FirstOrDefault(a => a.Name == name);
}

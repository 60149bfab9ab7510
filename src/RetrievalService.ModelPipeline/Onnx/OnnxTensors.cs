using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace RetrievalService.ModelPipeline.Onnx;

/// <summary>Builds and reads ONNX initializers (little-endian raw data).</summary>
public static class OnnxTensors
{
    public static TensorProto Float(string name, long[] dims, ReadOnlySpan<float> values)
    {
        if (dims.Aggregate(1L, (a, b) => a * b) != values.Length)
        {
            throw new ArgumentException($"Tensor '{name}': {values.Length} values do not fill shape [{string.Join(",", dims)}].");
        }
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
        return tensor;
    }

    public static TensorProto Int64(string name, long[] dims, ReadOnlySpan<long> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
        return tensor;
    }

    public static TensorProto Scalar(string name, float value) => Float(name, [], [value]);

    /// <summary>Quantised weights: int8 values, one byte each.</summary>
    public static TensorProto Int8(string name, long[] dims, ReadOnlySpan<sbyte> values) =>
        Raw(name, TensorProto.Types.DataType.Int8, dims, MemoryMarshal.AsBytes(values), values.Length);

    /// <summary>Quantised activations' zero points: uint8 values, one byte each.</summary>
    public static TensorProto UInt8(string name, long[] dims, ReadOnlySpan<byte> values) =>
        Raw(name, TensorProto.Types.DataType.Uint8, dims, values, values.Length);

    /// <summary>Quantised biases: int32 accumulator values.</summary>
    public static TensorProto Int32(string name, long[] dims, ReadOnlySpan<int> values) =>
        Raw(name, TensorProto.Types.DataType.Int32, dims, MemoryMarshal.AsBytes(values), values.Length);

    private static TensorProto Raw(string name, TensorProto.Types.DataType type, long[] dims, ReadOnlySpan<byte> bytes, int count)
    {
        if (dims.Aggregate(1L, (a, b) => a * b) != count)
        {
            throw new ArgumentException($"Tensor '{name}': {count} values do not fill shape [{string.Join(",", dims)}].");
        }
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }

    /// <summary>Reads a float initializer whether it is stored as raw data or as <c>float_data</c>.</summary>
    public static float[] ReadFloats(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new NotSupportedException($"Tensor '{tensor.Name}' has data type {tensor.DataType}, expected float.");
        }
        return tensor.RawData.IsEmpty
            ? tensor.FloatData.ToArray()
            : MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
    }

    /// <summary>Element count of a tensor from its dims.</summary>
    public static long ElementCount(TensorProto tensor) => tensor.Dims.Aggregate(1L, (a, b) => a * b);
}

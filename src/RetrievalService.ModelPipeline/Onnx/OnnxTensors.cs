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

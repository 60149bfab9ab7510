using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using RetrievalService.ModelPipeline.Onnx;
using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge;

/// <summary>Copies ONNX tensors into torch tensors and back (float32 and int64; int32 is widened).</summary>
internal static class TensorConversion
{
    public static Tensor ToTorch(TensorProto proto)
    {
        long[] shape = [.. proto.Dims];
        return (TensorProto.Types.DataType)proto.DataType switch
        {
            TensorProto.Types.DataType.Float => tensor(OnnxTensors.ReadFloats(proto), shape, ScalarType.Float32),
            TensorProto.Types.DataType.Int64 => tensor(ReadInt64(proto), shape, ScalarType.Int64),
            TensorProto.Types.DataType.Int32 => tensor(ReadInt32(proto).Select(v => (long)v).ToArray(), shape, ScalarType.Int64),
            var other => throw new NotSupportedException(
                $"Initializer '{proto.Name}' has ONNX data type {other}; the importer reads float, int64 and int32."),
        };
    }

    /// <summary>Writes a float tensor's current values into the initializer as raw little-endian data.</summary>
    public static void WriteFloats(TensorProto proto, Tensor value)
    {
        using var cpu = value.detach().cpu().contiguous().to_type(ScalarType.Float32);
        var values = cpu.data<float>().ToArray();
        if (values.LongLength != OnnxTensors.ElementCount(proto))
        {
            throw new InvalidOperationException(
                $"Initializer '{proto.Name}' holds {OnnxTensors.ElementCount(proto)} values but the module has {values.LongLength}.");
        }
        proto.FloatData.Clear();
        proto.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static long[] ReadInt64(TensorProto proto) =>
        proto.RawData.IsEmpty ? [.. proto.Int64Data] : MemoryMarshal.Cast<byte, long>(proto.RawData.Span).ToArray();

    private static int[] ReadInt32(TensorProto proto) =>
        proto.RawData.IsEmpty ? [.. proto.Int32Data] : MemoryMarshal.Cast<byte, int>(proto.RawData.Span).ToArray();
}

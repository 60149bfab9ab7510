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
        FlushNegligible(values);
        proto.FloatData.Clear();
        proto.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>Magnitude below which an exported weight is written as 0.</summary>
    public const float NegligibleWeight = 1e-20f;

    /// <summary>
    /// Adam with weight decay drives weights that get no gradient (dead channels) towards zero without reaching it.
    /// Next to ordinary weights they contribute nothing, but their products with activations are subnormal floats,
    /// which x86 computes in microcode, so ONNX Runtime runs such a model several times slower than the same graph
    /// with those weights zeroed (docs/platform.md#observations-behind-code-comments).
    /// </summary>
    private static void FlushNegligible(Span<float> values)
    {
        foreach (ref var value in values)
        {
            if (Math.Abs(value) < NegligibleWeight)
            {
                value = 0f;
            }
        }
    }

    private static long[] ReadInt64(TensorProto proto) =>
        proto.RawData.IsEmpty ? [.. proto.Int64Data] : MemoryMarshal.Cast<byte, long>(proto.RawData.Span).ToArray();

    private static int[] ReadInt32(TensorProto proto) =>
        proto.RawData.IsEmpty ? [.. proto.Int32Data] : MemoryMarshal.Cast<byte, int>(proto.RawData.Span).ToArray();
}

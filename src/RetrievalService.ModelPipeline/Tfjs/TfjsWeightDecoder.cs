using System.Buffers.Binary;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// Decodes the concatenated weight bytes of a TFJS manifest into float32 tensors, as tfjs-core's
/// <c>io.decodeWeights</c> does: each weight takes its element count times the stored width, in manifest order.
/// </summary>
public static class TfjsWeightDecoder
{
    /// <summary>Decodes every spec; fails when the bytes do not match the manifest exactly.</summary>
    public static Dictionary<string, TfjsTensor> Decode(IReadOnlyList<TfjsWeightSpec> specs, ReadOnlySpan<byte> data)
    {
        var tensors = new Dictionary<string, TfjsTensor>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var spec in specs)
        {
            if (spec.Dtype != "float32")
            {
                throw new NotSupportedException($"Weight '{spec.Name}' has dtype {spec.Dtype}; only float32 weights are supported.");
            }
            var width = StoredWidth(spec);
            var length = spec.ElementCount * width;
            if (offset + length > data.Length)
            {
                throw new InvalidDataException($"Weight data ends at byte {data.Length}, but '{spec.Name}' needs bytes {offset}..{offset + length}.");
            }
            tensors.Add(spec.Name, new TfjsTensor(spec.Shape, Dequantize(spec, data.Slice(offset, length))));
            offset += length;
        }
        if (offset != data.Length)
        {
            throw new InvalidDataException($"The manifest describes {offset} bytes of weights, the shards hold {data.Length}.");
        }
        return tensors;
    }

    /// <summary>
    /// One weight's values. The affine map is evaluated in double and then rounded to float32, exactly as
    /// tfjs-core does (<c>Float32Array[i] = q * scale + min</c>), so results match TFJS bit for bit.
    /// </summary>
    public static float[] Dequantize(TfjsWeightSpec spec, ReadOnlySpan<byte> bytes)
    {
        var values = new float[spec.ElementCount];
        switch (spec.Quantization)
        {
            case null:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
                }
                break;
            case { Dtype: "uint8" } q:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)(bytes[i] * q.Scale + q.Min);
                }
                break;
            case { Dtype: "uint16" } q:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) * q.Scale + q.Min);
                }
                break;
        }
        return values;
    }

    private static int StoredWidth(TfjsWeightSpec spec) => spec.Quantization?.Dtype switch
    {
        null => 4,
        "uint8" => 1,
        "uint16" => 2,
        var other => throw new NotSupportedException($"Weight '{spec.Name}' uses {other} quantisation; only uint8 and uint16 affine are supported."),
    };
}

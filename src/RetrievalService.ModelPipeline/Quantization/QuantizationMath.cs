namespace RetrievalService.ModelPipeline.Quantization;

/// <summary>Observed value range of one tensor over the calibration images.</summary>
public readonly record struct TensorRange(float Min, float Max)
{
    public static TensorRange Empty => new(float.PositiveInfinity, float.NegativeInfinity);

    public TensorRange Include(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            return this;
        }
        var min = Math.Min(Min, System.Numerics.Tensors.TensorPrimitives.Min(values));
        var max = Math.Max(Max, System.Numerics.Tensors.TensorPrimitives.Max(values));
        return new TensorRange(min, max);
    }
}

/// <summary>Affine parameters of a uint8 activation: real = scale · (q − zeroPoint).</summary>
public readonly record struct ActivationQuantization(float Scale, byte ZeroPoint);

/// <summary>
/// The arithmetic of ONNX Runtime's usual static scheme: uint8 asymmetric activations per tensor, int8 symmetric
/// weights per output channel, int32 biases at scale input·weight. These are the types its x86 kernels
/// (u8s8, VNNI where present) run fastest.
/// </summary>
public static class QuantizationMath
{
    /// <summary>
    /// Scale and zero point covering <paramref name="range"/> and 0 (so zero padding is exact), clamped above at
    /// <paramref name="upperBound"/> (a folded Relu6 gives 6). Bounds are first rounded outwards to 3 significant digits,
    /// so float noise between machines in the calibration run does not change the written model.
    /// </summary>
    public static ActivationQuantization Activation(TensorRange range, float upperBound = float.PositiveInfinity)
    {
        if (float.IsNaN(range.Min) || float.IsNaN(range.Max) || range.Min > range.Max)
        {
            throw new ArgumentException($"Range [{range.Min}, {range.Max}] was never observed or is not a number.", nameof(range));
        }
        var min = Math.Min(0f, RoundOutwards(range.Min, down: true));
        var max = Math.Max(0f, Math.Min(upperBound, RoundOutwards(range.Max, down: false)));
        if (max - min < 1e-8f)
        {
            // A tensor that is constantly 0 on every calibration image: any scale represents it exactly.
            return new ActivationQuantization(1f, 0);
        }
        var scale = (max - min) / 255f;
        var zeroPoint = (byte)Math.Clamp(Math.Round(-min / scale, MidpointRounding.ToEven), 0, 255);
        return new ActivationQuantization(scale, zeroPoint);
    }

    /// <summary>The largest int32 bias <see cref="MinimumWeightScales"/> allows: half the type's range, so the
    /// accumulator still has room for the products added to it.</summary>
    public const int BiasLimit = 1 << 30;

    /// <summary>
    /// Per channel, the smallest weight scale at which <paramref name="bias"/> still fits in <see cref="BiasLimit"/> at
    /// scale inputScale · weightScale (0 where any scale does).
    /// </summary>
    /// <remarks>
    /// A channel whose weights training drove to (almost) zero gets a tiny scale from its weights alone, while the bias
    /// folded into it from BatchNorm stays large; at scale input · weight that bias would not fit in int32. Raising the
    /// weight scale to this floor costs next to nothing there (the weights, near 0, are still stored within half a step of
    /// the coarser grid) and keeps the bias exact.
    /// ONNX Runtime's quantizer raises the weight scale the same way.
    /// </remarks>
    public static float[] MinimumWeightScales(ReadOnlySpan<float> bias, float inputScale) =>
        // Rounded up to the next float, so that the stored scale never lets the bias exceed the limit.
        [.. bias.ToArray().Select(b => b == 0f ? 0f : MathF.BitIncrement((float)(Math.Abs((double)b) / ((double)inputScale * BiasLimit))))];

    /// <summary>Per-output-channel symmetric int8 weights ([C_out, …] row-major) and their scales.</summary>
    /// <param name="weights">The float weights, output channel first.</param>
    /// <param name="outputChannels">C_out.</param>
    /// <param name="minimumScales">Optional floor per channel (<see cref="MinimumWeightScales"/>), for convolutions with a bias.</param>
    public static (sbyte[] Values, float[] Scales) WeightsPerChannel(ReadOnlySpan<float> weights, int outputChannels, ReadOnlySpan<float> minimumScales = default)
    {
        if (outputChannels <= 0 || weights.Length % outputChannels != 0)
        {
            throw new ArgumentException($"{weights.Length} weights do not split into {outputChannels} output channels.");
        }
        if (!minimumScales.IsEmpty && minimumScales.Length != outputChannels)
        {
            throw new ArgumentException($"{minimumScales.Length} minimum scales for {outputChannels} output channels.");
        }
        var perChannel = weights.Length / outputChannels;
        var values = new sbyte[weights.Length];
        var scales = new float[outputChannels];
        for (var c = 0; c < outputChannels; c++)
        {
            var channel = weights.Slice(c * perChannel, perChannel);
            // MaxMagnitude keeps the sign of the largest-magnitude element.
            var maxAbs = Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(channel));
            // ±127, not −128: the grid stays symmetric, so w and −w quantise alike.
            var scale = Math.Max(maxAbs / 127f, minimumScales.IsEmpty ? 0f : minimumScales[c]);
            if (scale == 0f)
            {
                // All-zero weights and no bias to fit: any scale represents them exactly.
                scale = 1f;
            }
            scales[c] = scale;
            for (var i = 0; i < perChannel; i++)
            {
                values[c * perChannel + i] = (sbyte)Math.Clamp(Math.Round(channel[i] / scale, MidpointRounding.ToEven), -127, 127);
            }
        }
        return (values, scales);
    }

    /// <summary>Int32 bias at scale inputScale · weightScale[c], the accumulator's own scale.</summary>
    public static int[] Bias(ReadOnlySpan<float> bias, float inputScale, ReadOnlySpan<float> weightScales)
    {
        if (bias.Length != weightScales.Length)
        {
            throw new ArgumentException($"{bias.Length} biases for {weightScales.Length} output channels.");
        }
        var values = new int[bias.Length];
        for (var c = 0; c < bias.Length; c++)
        {
            var q = Math.Round(bias[c] / ((double)inputScale * weightScales[c]), MidpointRounding.ToEven);
            if (q is > int.MaxValue or < int.MinValue)
            {
                throw new InvalidOperationException($"Bias {bias[c]} of channel {c} overflows int32 at scale {inputScale}·{weightScales[c]}.");
            }
            values[c] = (int)q;
        }
        return values;
    }

    private static float RoundOutwards(float value, bool down)
    {
        if (value == 0f || !float.IsFinite(value))
        {
            return value;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - 2);
        var steps = value / magnitude;
        return (float)((down ? Math.Floor(steps) : Math.Ceiling(steps)) * magnitude);
    }
}

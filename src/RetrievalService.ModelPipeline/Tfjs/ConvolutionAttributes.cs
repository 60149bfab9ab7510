using Onnx;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>Validates a fused TF convolution's attributes and translates them to ONNX Conv attributes.</summary>
public static class ConvolutionAttributes
{
    /// <summary>
    /// True when the fusion ends in Relu6. Only BiasAdd and BiasAdd+Relu6 with one extra argument (the bias) are
    /// accepted; any other fusion (FusedBatchNorm, LeakyRelu, …) fails naming it.
    /// </summary>
    public static bool ReadFusedRelu6(TfjsNode node)
    {
        var fused = TfjsAttributes.Strings(node, "fused_ops");
        var numArgs = TfjsAttributes.Int(node, "num_args") ?? 1;
        return (fused, numArgs) switch
        {
            (["BiasAdd"], 1) => false,
            (["BiasAdd", "Relu6"], 1) => true,
            _ => throw new NotSupportedException(
                $"{node.Op} '{node.Name}' fuses [{string.Join(", ", fused)}] with num_args={numArgs}; only BiasAdd and BiasAdd+Relu6 are supported."),
        };
    }

    /// <summary>
    /// kernel_shape, strides, dilations and pads for an NHWC TF convolution. "SAME" becomes explicit asymmetric
    /// pads from <see cref="TfPadding.SameForDivisibleInput"/> (exact for inputs divisible by the stride; the extra
    /// row/column of a stride-2 layer goes bottom/right as in TF); "VALID" becomes zero pads.
    /// </summary>
    public static AttributeProto[] Read(TfjsNode node, int kernelHeight, int kernelWidth)
    {
        if ((TfjsAttributes.String(node, "data_format") ?? "NHWC") != "NHWC")
        {
            throw new NotSupportedException($"'{node.Name}': data_format {TfjsAttributes.String(node, "data_format")} is not supported (NHWC only).");
        }
        var (strideH, strideW) = SpatialPair(node, "strides");
        var (dilationH, dilationW) = SpatialPair(node, "dilations");
        var padding = TfjsAttributes.String(node, "padding");
        var (top, bottom, left, right) = padding switch
        {
            "SAME" => Combine(TfPadding.SameForDivisibleInput(kernelHeight, strideH, dilationH),
                              TfPadding.SameForDivisibleInput(kernelWidth, strideW, dilationW)),
            "VALID" => (0, 0, 0, 0),
            _ => throw new NotSupportedException($"'{node.Name}': padding '{padding}' is not supported (SAME or VALID only)."),
        };
        return
        [
            Ints("kernel_shape", kernelHeight, kernelWidth),
            Ints("strides", strideH, strideW),
            Ints("dilations", dilationH, dilationW),
            Ints("pads", top, left, bottom, right),
        ];
    }

    private static (int, int, int, int) Combine((int Begin, int End) h, (int Begin, int End) w) => (h.Begin, h.End, w.Begin, w.End);

    private static (int, int) SpatialPair(TfjsNode node, string name) => TfjsAttributes.Ints(node, name) switch
    {
        [] => (1, 1),
        [1, var h, var w, 1] => ((int)h, (int)w),
        var other => throw new NotSupportedException($"'{node.Name}': {name} [{string.Join(",", other)}] is not [1,h,w,1]."),
    };
}

using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// TFJS fused convolutions (conv + BiasAdd [+ Relu6], BatchNorm already folded by the TFJS converter) as ONNX
/// Conv [+ Clip]. Weights move from TF's HWIO ([H,W,C,M] for depthwise) to ONNX's OIHW.
/// </summary>
public static class ConvolutionMapper
{
    /// <summary><c>_FusedConv2D</c>: filter [kh,kw,in,out] → [out,in,kh,kw].</summary>
    public static void MapConv2D(TfjsConversionContext context, TfjsNode node)
    {
        var (input, filter, bias) = Operands(context, node);
        var (kh, kw, inChannels, outChannels) = Dims(node, filter);
        if (context.ChannelsOf(node, input) != inChannels)
        {
            throw new InvalidDataException($"'{node.Name}': filter expects {inChannels} input channels, the input has {context.ChannelsOf(node, input)}.");
        }
        var oihw = WeightLayouts.HwioToOihw(filter.Values, kh, kw, inChannels, outChannels);
        Emit(context, node, input, oihw, [outChannels, inChannels, kh, kw], bias, group: 1);
    }

    /// <summary><c>FusedDepthwiseConv2dNative</c>: filter [kh,kw,C,M] → [C·M,1,kh,kw] with group = C.</summary>
    public static void MapDepthwise(TfjsConversionContext context, TfjsNode node)
    {
        var (input, filter, bias) = Operands(context, node);
        var (kh, kw, channels, multiplier) = Dims(node, filter);
        if (context.ChannelsOf(node, input) != channels)
        {
            throw new InvalidDataException($"'{node.Name}': filter expects {channels} channels, the input has {context.ChannelsOf(node, input)}.");
        }
        var weights = WeightLayouts.DepthwiseToOihw(filter.Values, kh, kw, channels, multiplier);
        Emit(context, node, input, weights, [channels * multiplier, 1, kh, kw], bias, group: channels);
    }

    private static void Emit(TfjsConversionContext context, TfjsNode node, string input, float[] weights, long[] dims,
        (string Name, TfjsTensor Tensor) bias, int group)
    {
        var outChannels = (int)dims[0];
        if (bias.Tensor.ElementCount != outChannels)
        {
            throw new InvalidDataException($"'{node.Name}': bias has {bias.Tensor.ElementCount} values for {outChannels} output channels.");
        }
        var relu6 = ConvolutionAttributes.ReadFusedRelu6(node);
        var attributes = ConvolutionAttributes.Read(node, (int)dims[2], (int)dims[3]);
        // The filter's TF name stays free for its original layout; the bias keeps its name (same layout).
        var weightName = context.AddInitializer($"{node.Name}/onnx_weight", dims, weights);
        var biasName = context.AddInitializer(bias.Name, [outChannels], bias.Tensor.Values);
        var convOutput = relu6 ? $"{node.Name}/conv" : node.Name;
        context.Graph.Node.Add(Node("Conv", convOutput, [input, weightName, biasName], [convOutput],
            [.. attributes, Int("group", group)]));
        if (relu6)
        {
            TfjsOpMapper.Relu6(context, $"{node.Name}/relu6", convOutput, node.Name);
        }
        context.Channels[node.Name] = outChannels;
    }

    private static (string Input, TfjsTensor Filter, (string Name, TfjsTensor Tensor) Bias) Operands(
        TfjsConversionContext context, TfjsNode node)
    {
        var inputs = node.Inputs.Select(TfjsGraphOrder.DataInput).OfType<string>().ToArray();
        if (inputs.Length != 3 || !context.IsConstant(inputs[1]) || !context.IsConstant(inputs[2]))
        {
            throw new NotSupportedException($"{node.Op} '{node.Name}' must read (input, constant filter, constant bias).");
        }
        return (inputs[0], context.Model.Weight(inputs[1]), (inputs[2], context.Model.Weight(inputs[2])));
    }

    private static (int, int, int, int) Dims(TfjsNode node, TfjsTensor filter) => filter.Shape is [var a, var b, var c, var d]
        ? (a, b, c, d)
        : throw new InvalidDataException($"'{node.Name}': filter shape [{string.Join(",", filter.Shape)}] is not 4-D.");
}

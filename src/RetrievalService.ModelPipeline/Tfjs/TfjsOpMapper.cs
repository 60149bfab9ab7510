using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>Dispatches one TFJS node to its ONNX mapping; the table of supported ops lives here.</summary>
public static class TfjsOpMapper
{
    /// <summary>The TF ops the converter maps (besides Placeholder and Const).</summary>
    public static readonly IReadOnlySet<string> SupportedOps = new HashSet<string>(StringComparer.Ordinal)
    {
        "_FusedConv2D", "FusedDepthwiseConv2dNative", "AddV2", "Add", "Sub", "Mul", "Relu6", "Relu", "Identity",
    };

    /// <summary>Appends the ONNX nodes for <paramref name="node"/>, whose output keeps the TF node's name.</summary>
    /// <exception cref="NotSupportedException">The op (or one of its attributes) has no mapping.</exception>
    public static void Map(TfjsConversionContext context, TfjsNode node)
    {
        switch (node.Op)
        {
            case "_FusedConv2D":
                ConvolutionMapper.MapConv2D(context, node);
                break;
            case "FusedDepthwiseConv2dNative":
                ConvolutionMapper.MapDepthwise(context, node);
                break;
            case "AddV2" or "Add":
                ElementwiseMapper.MapBinary(context, node, "Add");
                break;
            case "Sub":
                ElementwiseMapper.MapBinary(context, node, "Sub");
                break;
            case "Mul":
                ElementwiseMapper.MapBinary(context, node, "Mul");
                break;
            case "Relu6":
                ElementwiseMapper.MapUnary(context, node, input => Relu6(context, node.Name, input, node.Name));
                break;
            case "Relu" or "Identity":
                ElementwiseMapper.MapUnary(context, node, input => context.Graph.Node.Add(Node(node.Op, node.Name, [input])));
                break;
            default:
                throw new NotSupportedException(
                    $"TFJS op '{node.Op}' (node '{node.Name}') is not supported by the ONNX converter; supported: {string.Join(", ", SupportedOps)}.");
        }
    }

    /// <summary>Relu6 as opset-13 Clip with min/max inputs (shared 0 and 6 initializers).</summary>
    public static void Relu6(TfjsConversionContext context, string name, string input, string output)
    {
        var min = context.AddInitializer("relu6.min", [], [0f]);
        var max = context.AddInitializer("relu6.max", [], [6f]);
        context.Graph.Node.Add(Node("Clip", name, [input, min, max], [output]));
    }
}

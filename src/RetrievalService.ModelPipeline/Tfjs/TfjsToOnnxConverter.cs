using Onnx;
using RetrievalService.ModelPipeline.Onnx;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// Converts a TFJS graph model (NHWC) to an opset-13 ONNX model that is NCHW throughout: input
/// [batch, C, height, width] with symbolic sizes, convolution weights re-laid out (HWIO → OIHW), so no
/// Transpose is needed. Only the ops MobileNet-style graphs use are mapped (see <see cref="TfjsOpMapper"/>);
/// anything else fails with <see cref="NotSupportedException"/> naming the op and node.
/// </summary>
public static class TfjsToOnnxConverter
{
    /// <summary>Converts the part of <paramref name="model"/> that <see cref="TfjsConversion.OutputNode"/> depends on.</summary>
    public static ModelProto Convert(TfjsGraphModel model, TfjsConversion conversion)
    {
        var graph = new GraphProto { Name = conversion.GraphName };
        var context = new TfjsConversionContext(model, graph);
        foreach (var node in TfjsGraphOrder.Ancestors(model, conversion.OutputNode))
        {
            if (node.Op == "Placeholder")
            {
                AddScaledInput(context, node, conversion);
            }
            else if (node.Op != "Const")
            {
                TfjsOpMapper.Map(context, node);
            }
        }

        graph.Node.Add(Node("Identity", $"{conversion.OutputName}/identity", [conversion.OutputNode], [conversion.OutputName]));
        graph.Output.Add(OnnxValueInfos.FloatTensor(conversion.OutputName,
            "batch", context.Channels[conversion.OutputNode], $"{conversion.OutputName}_height", $"{conversion.OutputName}_width"));

        var onnx = new ModelProto
        {
            IrVersion = 7,
            ProducerName = "RetrievalService.ModelPipeline",
            ProducerVersion = "1",
            Graph = graph,
        };
        onnx.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return onnx;
    }

    private static void AddScaledInput(TfjsConversionContext context, TfjsNode placeholder, TfjsConversion conversion)
    {
        var shape = placeholder.Attributes["shape"]?["shape"]?["dim"]?.AsArray()
            .Select(d => long.Parse(d!["size"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (shape is not { Length: 4 } || shape[3] <= 0)
        {
            throw new NotSupportedException($"Placeholder '{placeholder.Name}' must be NHWC with a known channel count.");
        }
        var channels = (int)shape[3];
        context.Graph.Input.Add(OnnxValueInfos.FloatTensor(conversion.InputName, "batch", channels, "height", "width"));
        context.Graph.Initializer.Add(OnnxTensors.Scalar($"{conversion.InputName}.scale", conversion.InputScale));
        context.Graph.Node.Add(Node("Mul", $"{conversion.InputName}/scale",
            [conversion.InputName, $"{conversion.InputName}.scale"], [placeholder.Name]));
        context.Channels[placeholder.Name] = channels;
    }
}

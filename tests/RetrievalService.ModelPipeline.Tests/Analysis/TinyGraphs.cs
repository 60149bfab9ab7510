using Onnx;
using RetrievalService.ModelPipeline.Onnx;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Tests.Analysis;

/// <summary>Small hand-checkable graphs on the project's <c>image</c> [batch, C, height, width] input.</summary>
internal static class TinyGraphs
{
    public static ModelProto WithImage(int channels)
    {
        var graph = new GraphProto { Name = "tiny" };
        graph.Input.Add(OnnxValueInfos.FloatTensor(ModelIo.Input, "batch", channels, "height", "width"));
        var model = new ModelProto { IrVersion = 7, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model;
    }

    /// <summary>Adds a Conv with zero weights [out, in/group, k, k] (values never matter to the counter).</summary>
    public static string AppendConv(GraphProto graph, string input, string name, int inputs, int outputs, int kernel,
        bool bias = false, params AttributeProto[] attributes)
    {
        graph.Initializer.Add(OnnxTensors.Float($"{name}.weight", [outputs, inputs, kernel, kernel], new float[outputs * inputs * kernel * kernel]));
        List<string> operands = [input, $"{name}.weight"];
        if (bias)
        {
            graph.Initializer.Add(OnnxTensors.Float($"{name}.bias", [outputs], new float[outputs]));
            operands.Add($"{name}.bias");
        }
        graph.Node.Add(Node("Conv", name, operands, [Ints("kernel_shape", kernel, kernel), .. attributes]));
        return name;
    }
}

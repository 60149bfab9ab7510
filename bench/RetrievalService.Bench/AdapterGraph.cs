using Onnx;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Teacher;
using RetrievalService.ModelPipeline.Tfjs;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.Bench;

/// <summary>
/// The student's linear adapter as a graph of its own (pooled [N, C, 1, 1] → flatten → x·W + b), so the cost
/// counter prices it the same way it prices the full models.
/// </summary>
internal static class AdapterGraph
{
    /// <summary>MobileNetV2 1.4's last feature width, the adapter's input.</summary>
    public const int Inputs = MobileNetV2Backbone.Channels;

    /// <summary>The teacher's embedding width, the adapter's output.</summary>
    public const int Outputs = ResNet18TeacherBuilder.Dimension;

    public static ModelProto Build(int inputs, int outputs)
    {
        var graph = new GraphProto { Name = "adapter" };
        graph.Input.Add(OnnxValueInfos.FloatTensor(ModelIo.Input, "batch", inputs, "height", "width"));
        graph.Node.Add(Node("Flatten", "flatten", [ModelIo.Input], Int("axis", 1)));
        var projected = EmbeddingHeadNodes.AppendLinear(graph, "flatten", "adapter", inputs, outputs, new float[inputs * outputs]);
        graph.Initializer.Add(OnnxTensors.Float("adapter.bias", [outputs], new float[outputs]));
        graph.Node.Add(Node("Add", "adapter/bias", [projected, "adapter.bias"]));
        return new ModelProto { IrVersion = 7, Graph = graph };
    }
}

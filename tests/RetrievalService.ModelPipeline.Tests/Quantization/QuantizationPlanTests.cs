using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Quantization;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Tests.Quantization;

public sealed class QuantizationPlanTests
{
    [Fact]
    public void Plans_convolutions_the_residual_add_and_folds_the_relu6()
    {
        var plan = QuantizationPlan.For(QuantizationGraphs.Block().Graph);

        Assert.Equal(["stem", "left", "right", "sum"], plan.QuantizedNodes);
        Assert.Equal(new Dictionary<string, string> { ["stem/relu6"] = "stem" }, plan.FoldedActivations);
        Assert.Equal(6f, plan.UpperBounds["stem/relu6"]);
        // The stem's own output is never quantized: after folding nothing reads it unclamped.
        Assert.Equal([ModelIo.Input, "stem/relu6", "left", "right", "sum"], plan.Tensors);
    }

    [Fact]
    public void An_activation_is_not_folded_when_something_else_reads_the_unclamped_tensor()
    {
        var model = QuantizationGraphs.Block();
        model.Graph.Node.Add(Node("Identity", "peek", ["stem"]));

        var plan = QuantizationPlan.For(model.Graph);

        Assert.Empty(plan.FoldedActivations);
        // Both stay: the Conv's output for QLinearConv, the Clip's output as the 1×1 convolutions' input.
        Assert.Equal([ModelIo.Input, "stem", "stem/relu6", "left", "right", "sum"], plan.Tensors);
    }

    [Fact]
    public void Nodes_kept_in_float_are_left_alone_and_an_add_of_float_inputs_is_not_quantized()
    {
        var plan = QuantizationPlan.For(QuantizationGraphs.Block().Graph, new HashSet<string> { "right" });

        Assert.Equal(["stem", "left"], plan.QuantizedNodes);
        Assert.DoesNotContain("sum", plan.Tensors);
    }

    [Fact]
    public void The_converted_student_is_planned_whole()
    {
        var student = OnnxFiles.Load(RepoPaths.RequireFile(Path.Combine(RepoPaths.Models, "student-mnv2-convhead-init.onnx")));

        var plan = QuantizationPlan.For(student.Graph);

        // MobileNetV2: 52 backbone convolutions, the head's 1×1 conv and 10 residual adds; 35 ReLU6 and the head's ReLU fold.
        Assert.Equal(53, plan.QuantizedNodes.Count(n => student.Graph.Node.Single(x => x.Name == n).OpType == "Conv"));
        Assert.Equal(10, plan.QuantizedNodes.Count(n => student.Graph.Node.Single(x => x.Name == n).OpType == "Add"));
        Assert.Equal(36, plan.FoldedActivations.Count);
    }
}

using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Tests.Support;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.Training.Tests.OnnxBridge;

public sealed class ImportErrorTests
{
    public ImportErrorTests() => TorchTestSetup.Ensure();

    [Fact]
    public void Unsupported_op_fails_at_import_naming_the_op_and_the_node()
    {
        var model = new TinyGraph(1, 3).Node("Relu", ["x"], "r").Node("Hardmax", ["r"], "y", Int("axis", 1)).Build();

        var error = Assert.Throws<UnsupportedOnnxOpException>(() => OnnxModule.FromModel(model));

        Assert.Equal("Hardmax", error.OpType);
        Assert.Equal("y", error.NodeName);
        Assert.Contains("'Hardmax' (node 'y')", error.Message);
        Assert.Contains("Conv", error.Message);
    }

    [Fact]
    public void Op_from_a_custom_domain_is_rejected_even_when_the_name_is_known()
    {
        var model = new TinyGraph(1, 3).Node("Relu", ["x"], "y").Build();
        model.Graph.Node[0].Domain = "com.microsoft";

        var error = Assert.Throws<UnsupportedOnnxOpException>(() => OnnxModule.FromModel(model));

        Assert.Contains("com.microsoft", error.Message);
    }

    [Fact]
    public void Consumed_second_output_is_rejected_because_only_first_outputs_are_produced()
    {
        var model = new TinyGraph(1, 1, 4, 4).Node("MaxPool", ["x"], "y", Ints("kernel_shape", 2, 2)).Build();
        model.Graph.Node[0].Output.Add("indices");

        Assert.Throws<UnsupportedOnnxOpException>(() => OnnxModule.FromModel(model));
    }

    [Fact]
    public void Graph_reading_a_value_nobody_produces_fails_with_the_node_and_value_names()
    {
        var model = new TinyGraph(1, 3).Node("Add", ["x", "missing"], "y").Build();
        using var module = OnnxModule.FromModel(model);

        var error = Assert.Throws<InvalidDataException>(() => TorchRunner.Run(module, [1, 2, 3], [1, 3]));

        Assert.Contains("'missing'", error.Message);
        Assert.Contains("Add node 'y'", error.Message);
    }
}

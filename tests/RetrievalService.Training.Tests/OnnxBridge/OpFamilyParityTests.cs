using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Tests.Support;
using Xunit.Abstractions;

namespace RetrievalService.Training.Tests.OnnxBridge;

/// <summary>Each supported op family, on a tiny synthetic graph, agrees with ONNX Runtime.</summary>
public sealed class OpFamilyParityTests
{
    private readonly ITestOutputHelper output;

    public OpFamilyParityTests(ITestOutputHelper output)
    {
        TorchTestSetup.Ensure();
        this.output = output;
    }

    public static TheoryData<string> Families() => [.. OpFamilyGraphs.All.Keys];

    [Theory]
    [MemberData(nameof(Families))]
    public void Tiny_graph_matches_onnx_runtime(string family)
    {
        var (graph, opset) = OpFamilyGraphs.All[family]();
        var model = graph.Build(opset);
        using var module = OnnxModule.FromModel(model);
        var input = SyntheticInputs.Normal(seed: family.Length, graph.InputShape.Aggregate(1L, (a, b) => a * b));

        var expected = OrtRunner.Run(model, input, graph.InputShape);
        var actual = TorchRunner.Run(module, input, graph.InputShape);

        var difference = TorchRunner.MaxAbsDiff(expected, actual);
        output.WriteLine($"{family}: {actual.Length} values, max abs diff {difference:E2}");
        Assert.True(difference <= 1e-5, $"max abs diff {difference:E2}");
    }
}

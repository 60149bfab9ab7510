using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Tests.Support;
using Xunit.Abstractions;

namespace RetrievalService.Training.Tests.OnnxBridge;

/// <summary>The imported teacher and students agree with ONNX Runtime on the same images.</summary>
public sealed class RealModelParityTests
{
    private const double Tolerance = 1e-4;
    private readonly ITestOutputHelper output;

    public RealModelParityTests(ITestOutputHelper output)
    {
        TorchTestSetup.Ensure();
        this.output = output;
    }

    public static TheoryData<string, long[]> Cases()
    {
        var cases = new TheoryData<string, long[]>();
        foreach (var model in new[] { "teacher-resnet18-gem.onnx", "student-mnv2-linear.onnx", "student-mnv2-convhead-init.onnx" })
        {
            cases.Add(model, [2, 3, 224, 160]);
            cases.Add(model, [1, 3, 128, 128]);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Imported_model_matches_onnx_runtime_within_1e_4(string fileName, long[] shape)
    {
        var proto = OnnxFiles.Load(RepoPaths.RequireModel(fileName));
        using var module = OnnxModule.FromModel(proto);
        var input = SyntheticInputs.Images(seed: (int)shape[2], shape);

        var expected = OrtRunner.Run(proto, input, shape);
        var actual = TorchRunner.Run(module, input, shape);

        Assert.Equal(shape[0] * 512, actual.Length);
        var difference = TorchRunner.MaxAbsDiff(expected, actual);
        output.WriteLine($"{fileName} [{string.Join("x", shape)}]: max |torch − ORT| = {difference:E2}");
        Assert.True(difference <= Tolerance, $"max abs diff {difference:E2} > {Tolerance:E0}");
    }
}

using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Tests.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.OnnxBridge;

/// <summary>Exported graphs carry the module's current weights and run identically in ONNX Runtime.</summary>
public sealed class ExportTests
{
    private static readonly long[] Shape = [1, 3, 128, 128];
    private readonly ITestOutputHelper output;

    public ExportTests(ITestOutputHelper output)
    {
        TorchTestSetup.Ensure();
        this.output = output;
    }

    [Theory]
    [InlineData("teacher-resnet18-gem.onnx")]
    [InlineData("student-mnv2-linear.onnx")]
    [InlineData("student-mnv2-convhead-init.onnx")]
    public void Exported_model_with_perturbed_weights_matches_the_torch_module(string fileName)
    {
        var original = OnnxFiles.Load(RepoPaths.RequireModel(fileName));
        using var module = OnnxModule.FromModel(original);
        Perturb(module);
        var input = SyntheticInputs.Images(seed: 7, Shape);

        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxExporter.Save(module, path);
            var exported = OrtRunner.Run(File.ReadAllBytes(path), input, Shape);
            var torchOutput = TorchRunner.Run(module, input, Shape);
            var before = OrtRunner.Run(original, input, Shape);

            var difference = TorchRunner.MaxAbsDiff(torchOutput, exported);
            output.WriteLine($"{fileName}: max |exported ORT − torch| = {difference:E2}; change from perturbation {TorchRunner.MaxAbsDiff(before, exported):E2}");
            Assert.True(difference <= 1e-4, $"max abs diff {difference:E2}");
            Assert.True(TorchRunner.MaxAbsDiff(before, exported) > 1e-3, "the perturbation did not reach the exported model");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Exporting_an_untouched_module_reproduces_every_initializer_value()
    {
        var original = OnnxFiles.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.onnx"));
        using var module = OnnxModule.FromModel(original);

        var exported = OnnxExporter.Export(module);

        Assert.Equal(original.Graph.Node, exported.Graph.Node);
        foreach (var (before, after) in original.Graph.Initializer.Zip(exported.Graph.Initializer))
        {
            Assert.Equal(before.Name, after.Name);
            Assert.Equal(OnnxTensors.ReadFloats(before), OnnxTensors.ReadFloats(after));
        }
    }

    /// <summary>Multiplies every parameter by 1 + 5 % noise and raises GeM's p, as training would.</summary>
    private static void Perturb(OnnxModule module)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        manual_seed(11);
        foreach (var parameter in module.parameters())
        {
            parameter.mul_(1 + randn_like(parameter) * 0.05);
        }
        module.Initializer("gem.p").add_(0.5);
    }
}

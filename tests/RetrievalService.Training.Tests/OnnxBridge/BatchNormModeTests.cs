using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Tests.Support;
using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.OnnxBridge;

/// <summary>BN stays in eval mode during training unless explicitly unfrozen (docs/method.md#network-shape).</summary>
public sealed class BatchNormModeTests
{
    private static readonly long[] Shape = [4, 2, 3, 3];

    public BatchNormModeTests() => TorchTestSetup.Ensure();

    [Fact]
    public void Frozen_batch_norm_gives_the_eval_output_in_train_mode_and_keeps_its_statistics()
    {
        using var module = OnnxModule.FromModel(Graph());
        var input = SyntheticInputs.Normal(1, 72, scale: 3);
        var evalOutput = TorchRunner.Run(module, input, Shape);

        module.train();
        float[] trainOutput;
        using (var scope = NewDisposeScope())
        {
            trainOutput = module.forward(tensor(input, Shape)).data<float>().ToArray();
        }

        Assert.Equal(evalOutput, trainOutput);
        Assert.Equal([0.5f, -1f], module.Initializer("mean").data<float>().ToArray());
    }

    [Fact]
    public void Unfrozen_batch_norm_normalises_with_batch_statistics_and_updates_the_running_mean()
    {
        using var module = OnnxModule.FromModel(Graph(), new OnnxImportOptions { FreezeBatchNorm = false });
        module.train();
        using var scope = NewDisposeScope();
        var input = tensor(SyntheticInputs.Normal(2, 72, scale: 3), Shape) + 10;

        var output = module.forward(input);

        // scale 1, bias 0: each channel of a batch-normalised output has mean 0.
        Assert.True(output.mean([0, 2, 3]).abs().max().item<float>() < 1e-5f);
        Assert.NotEqual([0.5f, -1f], module.Initializer("mean").data<float>().ToArray());
    }

    private static Onnx.ModelProto Graph() => new TinyGraph(Shape)
        .Floats("scale", [2], [1f, 1f]).Floats("bias", [2], [0f, 0f])
        .Floats("mean", [2], [0.5f, -1f]).Floats("var", [2], [2f, 0.5f])
        .Node("BatchNormalization", ["x", "scale", "bias", "mean", "var"], "y")
        .Build();
}

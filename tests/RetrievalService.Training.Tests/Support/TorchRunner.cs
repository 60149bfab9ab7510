using RetrievalService.Training.OnnxBridge;
using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.Support;

/// <summary>Runs an imported module in eval mode without gradients and copies the output out.</summary>
internal static class TorchRunner
{
    public static float[] Run(OnnxModule module, float[] input, long[] shape)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        module.eval();
        return module.forward(tensor(input, shape)).contiguous().data<float>().ToArray();
    }

    public static double MaxAbsDiff(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(actual, v => Assert.True(float.IsFinite(v), "non-finite output"));
        return expected.Zip(actual).Max(pair => Math.Abs((double)pair.First - pair.Second));
    }
}

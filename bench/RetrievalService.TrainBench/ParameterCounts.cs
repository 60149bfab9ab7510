using RetrievalService.Training.OnnxBridge;
using TorchSharp.Modules;

namespace RetrievalService.TrainBench;

/// <summary>
/// Trainable elements per optimizer group, so a reader can check the PyTorch model is the same network.
/// The imported graph has BatchNorm folded into conv biases (TFJS), so it has no BN parameters at all.
/// </summary>
internal sealed record ParameterCounts(long Trainable, long Backbone, long Head, long Gem)
{
    public static ParameterCounts Of(OnnxModule student)
    {
        var groups = student.ParameterGroups();
        var (backbone, head, gem) = (Sum(groups.Backbone), Sum(groups.Head), Sum(groups.GemExponents));
        return new ParameterCounts(backbone + head + gem, backbone, head, gem);
    }

    private static long Sum(IEnumerable<Parameter> parameters) => parameters.Sum(p => p.numel());
}

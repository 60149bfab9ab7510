using RetrievalService.Training.OnnxBridge;
using static TorchSharp.torch;

namespace RetrievalService.Training.Loop;

/// <summary>
/// The frozen teacher run in libtorch for its spatial feature map (ONNX Runtime gives only its embedding). Evaluation
/// mode, no gradients: it is a target, never trained.
/// </summary>
public sealed class FeatureMapTeacher : IDisposable
{
    private readonly OnnxModule teacher;

    /// <summary>Imports the teacher graph at <paramref name="onnxPath"/>.</summary>
    public FeatureMapTeacher(string onnxPath)
    {
        teacher = OnnxModule.Load(onnxPath, new OnnxImportOptions { FreezeBatchNorm = true });
        teacher.eval();
        foreach (var parameter in teacher.parameters())
        {
            parameter.requires_grad = false;
        }
    }

    /// <summary>The teacher's pre-pooling map of <paramref name="input"/> [1, 3, H, W].</summary>
    public Tensor Map(Tensor input)
    {
        using var noGrad = no_grad();
        return teacher.ForwardWithFeatureMap(input).FeatureMap.detach();
    }

    public void Dispose() => teacher.Dispose();
}

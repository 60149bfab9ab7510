using Onnx;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Tests.Support;
using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.OnnxBridge;

/// <summary>Weights Adam left just above zero are exported as zero, so ONNX Runtime never multiplies into subnormals.</summary>
public sealed class NegligibleWeightTests
{
    public NegligibleWeightTests() => TorchTestSetup.Ensure();

    [Fact]
    public void Weights_below_1e_20_are_written_as_zero_and_the_rest_exactly()
    {
        var proto = OnnxTensors.Float("w", [5], new float[5]);
        using var values = tensor(new[] { 3e-25f, -2e-21f, 1e-19f, -0.0123f, 1e-30f });

        TensorConversion.WriteFloats(proto, values);

        Assert.Equal([0f, 0f, 1e-19f, -0.0123f, 0f], OnnxTensors.ReadFloats(proto));
        Assert.Equal((int)TensorProto.Types.DataType.Float, proto.DataType);
    }
}

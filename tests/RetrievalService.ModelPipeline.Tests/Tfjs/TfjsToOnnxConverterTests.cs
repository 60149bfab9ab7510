using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using RetrievalService.ModelPipeline.Tfjs;
using static RetrievalService.ModelPipeline.Tests.Tfjs.TinyTfjsGraphs;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

public sealed class TfjsToOnnxConverterTests
{
    private static readonly TfjsConversion Identity = new("out", "features") { InputScale = 1f };

    [Fact]
    public void An_unsupported_op_fails_naming_the_op_and_the_node()
    {
        var model = new TfjsGraphModel([Placeholder(4, 4, 3), Op("Tanh", "out", "input")], new Dictionary<string, TfjsTensor>());

        var error = Assert.Throws<NotSupportedException>(() => TfjsToOnnxConverter.Convert(model, Identity));

        Assert.Contains("'Tanh'", error.Message);
        Assert.Contains("'out'", error.Message);
    }

    [Fact]
    public void A_fusion_other_than_bias_add_and_relu6_fails_naming_it()
    {
        var model = ConvModel("_FusedConv2D", [3, 3, 2, 3], stride: 1, "SAME", "BiasAdd", "LeakyRelu");

        var error = Assert.Throws<NotSupportedException>(() => TfjsToOnnxConverter.Convert(model, Identity));

        Assert.Contains("LeakyRelu", error.Message);
    }

    [Fact]
    public void Nodes_the_output_does_not_depend_on_are_not_converted()
    {
        var model = new TfjsGraphModel(
            [Placeholder(4, 4, 3), Op("Relu6", "out", "input"), Op("Softmax", "head", "out")], new Dictionary<string, TfjsTensor>());

        var onnx = TfjsToOnnxConverter.Convert(model, Identity);

        Assert.Equal(["Mul", "Clip", "Identity"], onnx.Graph.Node.Select(n => n.OpType));
    }

    [Theory]
    [InlineData("_FusedConv2D", 2, "SAME")]
    [InlineData("_FusedConv2D", 1, "VALID")]
    [InlineData("FusedDepthwiseConv2dNative", 2, "SAME")]
    [InlineData("FusedDepthwiseConv2dNative", 1, "SAME")]
    public void Fused_convolutions_match_a_direct_nhwc_tensorflow_computation(string op, int stride, string padding)
    {
        int[] filterShape = op == "_FusedConv2D" ? [3, 3, 2, 3] : [3, 3, 2, 2];
        var model = ConvModel(op, filterShape, stride, padding, "BiasAdd", "Relu6");
        var nhwc = Values(1 * 6 * 6 * 2, 99).Select(v => v * 4).ToArray();

        var expected = NhwcReference.FusedConv(nhwc, 6, 6, 2, model.Weight("out/filter"), model.Weight("out/bias").Values,
            stride, padding == "SAME", depthwise: op != "_FusedConv2D");
        var actual = Run(TfjsToOnnxConverter.Convert(model, Identity), NhwcReference.ToNchw(nhwc, 6, 6, 2), [1, 2, 6, 6]);

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5f);
        }
    }

    private static TfjsGraphModel ConvModel(string op, int[] filterShape, int stride, string padding, params string[] fused)
    {
        var outChannels = op == "_FusedConv2D" ? filterShape[3] : filterShape[2] * filterShape[3];
        var filter = new TfjsTensor(filterShape, Values(filterShape.Aggregate(1, (a, b) => a * b), 7));
        var bias = new TfjsTensor([outChannels], Values(outChannels, 11));
        return new TfjsGraphModel(
            [Placeholder(6, 6, 2), Op("Const", "out/filter"), Op("Const", "out/bias"), FusedConv(op, "out", "input", stride, padding, fused)],
            new Dictionary<string, TfjsTensor> { ["out/filter"] = filter, ["out/bias"] = bias });
    }

    private static float[] Run(global::Onnx.ModelProto model, float[] nchw, long[] shape)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model.ToByteArray(), options);
        using var input = OrtValue.CreateTensorValueFromMemory(nchw, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["image"], [input], ["features"]);
        return NhwcReference.ToNhwc(outputs[0].GetTensorDataAsSpan<float>(), outputs[0].GetTensorTypeAndShape().Shape);
    }
}

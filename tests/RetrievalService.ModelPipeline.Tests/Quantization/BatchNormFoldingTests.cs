using Google.Protobuf;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Quantization;

namespace RetrievalService.ModelPipeline.Tests.Quantization;

public sealed class BatchNormFoldingTests
{
    [Fact]
    public void Folding_removes_every_batch_norm_and_keeps_the_outputs()
    {
        var model = QuantizationGraphs.ResidualBlock();

        var (folded, count) = BatchNormFolding.Fold(model);

        Assert.Equal(3, count);
        Assert.DoesNotContain(folded.Graph.Node, n => n.OpType == "BatchNormalization");
        Assert.DoesNotContain(folded.Graph.Initializer, i => i.Name.EndsWith(".gamma", StringComparison.Ordinal));
        for (var seed = 0; seed < 3; seed++)
        {
            var image = SyntheticImages.Nchw(seed, 16, 16);
            var expected = OrtRunner.Run(model.ToByteArray(), ModelIo.Input, image, [1, 3, 16, 16])[ModelIo.Output].Values;
            var actual = OrtRunner.Run(folded.ToByteArray(), ModelIo.Input, image, [1, 3, 16, 16])[ModelIo.Output].Values;
            Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 1e-5f));
        }
    }

    [Fact]
    public void A_batch_norm_whose_conv_output_is_read_elsewhere_stays()
    {
        var model = QuantizationGraphs.ResidualBlock();
        model.Graph.Node.Add(OnnxNodes.Node("Identity", "peek", ["a"]));

        var (folded, count) = BatchNormFolding.Fold(model);

        Assert.Equal(2, count);
        Assert.Contains(folded.Graph.Node, n => n.Name == "a/bn");
    }

    [Fact]
    public void Folded_residual_block_quantizes_whole_with_the_relu_after_the_add_folded()
    {
        var (folded, _) = BatchNormFolding.Fold(QuantizationGraphs.ResidualBlock());

        var plan = QuantizationPlan.For(folded.Graph);

        Assert.Equal(["stem", "a", "b", "residual"], plan.QuantizedNodes);
        Assert.Equal(new Dictionary<string, string> { ["stem/relu"] = "stem", ["a/relu"] = "a", ["residual/relu"] = "residual" }, plan.FoldedActivations);
        Assert.True(float.IsPositiveInfinity(plan.UpperBounds["residual/relu"]));
    }
}

using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

public sealed class MobileNetV2ShapeTests(ConvertedBackbone backbone) : IClassFixture<ConvertedBackbone>
{
    [Fact]
    public void Converted_model_accepts_a_non_224_batch_and_yields_a_stride_32_feature_map()
    {
        long[] shape = [2, 3, 320, 256];
        var pixels = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = i * 7919 % 256;
        }

        var (features, outputShape) = backbone.Run(pixels, shape);

        Assert.Equal([2, MobileNetV2Backbone.Channels, 10, 8], outputShape);
        Assert.All(features, v => Assert.InRange(v, 0f, 6f));
    }

    [Fact]
    public void Converted_model_declares_symbolic_nchw_input_and_features_output()
    {
        var graph = backbone.Model.Graph;

        var input = Assert.Single(graph.Input).Type.TensorType.Shape.Dim;
        var output = Assert.Single(graph.Output);
        Assert.Equal(ModelIo.Input, graph.Input[0].Name);
        Assert.Equal(["batch", "", "height", "width"], input.Select(d => d.DimParam));
        Assert.Equal(3, input[1].DimValue);
        Assert.Equal(MobileNetV2Backbone.FeaturesOutput, output.Name);
        Assert.Equal(MobileNetV2Backbone.Channels, output.Type.TensorType.Shape.Dim[1].DimValue);
        Assert.DoesNotContain(graph.Node, n => n.OpType is "Transpose" or "AveragePool" or "MatMul" or "Softmax");
        Assert.Equal(13, Assert.Single(backbone.Model.OpsetImport).Version);
    }
}

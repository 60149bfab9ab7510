using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.Training.Losses;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Tests.Support;
using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.Losses;

public sealed class FeatureMapLossTests
{
    public FeatureMapLossTests() => TorchTestSetup.Ensure();

    [Fact]
    public void Equal_maps_cost_nothing_and_orthogonal_channels_cost_one_per_position()
    {
        using var scope = NewDisposeScope();
        var map = rand([1, 4, 3, 2], ScalarType.Float32) + 0.1f;
        var first = zeros([1, 2, 2, 2], ScalarType.Float32);
        first[0, 0] = ones([2, 2]);
        var second = zeros([1, 2, 2, 2], ScalarType.Float32);
        second[0, 1] = ones([2, 2]);

        Assert.Equal(0, FeatureMapLoss.Compute(map, map.clone()).item<float>(), 5);
        Assert.Equal(1, FeatureMapLoss.Compute(first, second).item<float>(), 5);
    }

    [Fact]
    public void A_student_map_of_another_size_is_pooled_to_the_teachers_and_only_the_student_gets_gradients()
    {
        using var scope = NewDisposeScope();
        var student = ones([1, 3, 4, 4], ScalarType.Float32).requires_grad_(true);
        var teacher = ones([1, 3, 2, 2], ScalarType.Float32).requires_grad_(true);

        var loss = FeatureMapLoss.Compute(student, teacher);
        loss.backward();

        Assert.Equal(0, loss.item<float>(), 5);
        Assert.NotNull(student.grad);
        Assert.Null(teacher.grad);
        Assert.Throws<ArgumentException>(() => FeatureMapLoss.Compute(ones([1, 3, 2, 2]), ones([1, 4, 2, 2])));
    }

    [Theory]
    [InlineData("teacher-resnet18-gem.onnx")]
    [InlineData("student-mnv2-convhead-init.onnx")]
    public void The_feature_map_is_what_the_gem_head_pools_into_the_embedding(string fileName)
    {
        using var scope = NewDisposeScope();
        using var module = OnnxModule.FromModel(OnnxFiles.Load(RepoPaths.RequireModel(fileName)));
        module.eval();
        var input = rand([1, 3, 224, 160], ScalarType.Float32) * 255;

        var (output, map) = module.ForwardWithFeatureMap(input);

        // GeM p = 3 then L2 normalisation, recomputed from the map, gives the graph's own output.
        Assert.Equal([1L, 512, 7, 5], map.shape);
        var pooled = map.clamp_min(1e-6).pow(3).mean([2, 3]).pow(1.0 / 3);
        var expected = pooled / pooled.norm(1, keepdim: true);
        Assert.True((expected - output).abs().max().item<float>() < 1e-4);
    }
}

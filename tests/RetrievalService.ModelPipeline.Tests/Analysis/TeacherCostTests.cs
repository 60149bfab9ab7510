using RetrievalService.ModelPipeline.Analysis;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.ModelPipeline.Tests.Analysis;

/// <summary>The counter against the built teacher, checked with a hand count of its layers.</summary>
public sealed class TeacherCostTests
{
    [Fact]
    public void Teacher_at_224_matches_a_hand_count_of_resnet18_with_three_last_stage_blocks()
    {
        var model = OnnxFiles.Load(RepoPaths.RequireFile(Path.Combine(RepoPaths.Models, "teacher-resnet18-gem.onnx")));

        var cost = ModelCost.Measure(model, 224, 224);

        // Hand count at 224 (stages 2-2-2-3, 1×1 stride-2 shortcuts): stem 118.01 M, stage 1 462.42 M, stage 2 411.04 M,
        // stage 3 411.04 M, stage 4 642.25 M, RGB→BGR 1×1 conv 0.45 M. torchvision's ResNet-18 is 1.814 G; the
        // difference is the third stage-4 block (2 · 7·7·512·512·9 = 231.2 M) less its fc (0.5 M).
        Assert.Equal(2_045_223_936L, cost.Macs);
        // Conv weights 15,885,504 + BatchNormalization 4 × 5,824 channels + RGB→BGR 9 + 3 = 15,908,812; GeM and L2N add 4 scalars.
        Assert.Equal(15_908_812L, cost.Weights);
        Assert.Equal(15_908_816L, cost.Parameters);
        Assert.Equal([1, 512], cost.Nodes[^1].OutputShape);
    }

    [Fact]
    public void Teacher_macs_grow_with_pixel_count()
    {
        var model = OnnxFiles.Load(RepoPaths.RequireFile(Path.Combine(RepoPaths.Models, "teacher-resnet18-gem.onnx")));

        var small = ModelCost.Measure(model, 224, 224);
        var large = ModelCost.Measure(model, 448, 448);

        // Every conv output scales with the image area at sizes divisible by 32.
        Assert.Equal(4 * small.Macs, large.Macs);
        Assert.Equal(small.Parameters, large.Parameters);
    }
}

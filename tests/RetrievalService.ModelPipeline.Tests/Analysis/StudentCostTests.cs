using RetrievalService.ModelPipeline.Adapter;
using RetrievalService.ModelPipeline.Analysis;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Tests.Tfjs;
using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelPipeline.Tests.Analysis;

/// <summary>
/// The counter on the converted MobileNetV2 backbone with the student heads, built here from the downloaded nsfwjs
/// package so it does not wait for <c>model-tool build-student</c>.
/// </summary>
public sealed class StudentCostTests
{
    private static readonly Lazy<global::Onnx.ModelProto> Backbone = new(() => MobileNetV2Backbone.LoadAndConvert(TfjsTestPaths.NsfwjsPackageDir()));

    [Fact]
    public void Linear_student_costs_the_backbone_plus_the_adapter_matrix()
    {
        var map = new LinearMap(MobileNetV2Backbone.Channels, 512, new float[MobileNetV2Backbone.Channels * 512], new float[512]);
        var student = StudentGraphs.WithLinearAdapter(Backbone.Value, MobileNetV2Backbone.FeaturesOutput, map);

        var cost = ModelCost.Measure(student, 224, 224);

        // MobileNetV2 1.4 at 224 is 582 M MACs with its 1792×1000 classifier (Sandler et al., table 6 / TF-Hub card);
        // without the classifier (−1.8 M) and with the 1792×512 adapter (+0.9 M) it stays within a few percent.
        Assert.InRange(cost.Macs, 0.56e9, 0.60e9);
        Assert.Equal(1792L * 512, cost.Nodes.Single(n => n.Name == "adapter/matmul").Macs);
        Assert.Equal([1, 512], cost.Nodes[^1].OutputShape);
    }

    [Fact]
    public void Conv_head_student_adds_a_1x1_conv_on_the_7x7_map_to_the_pooled_backbone()
    {
        var linear = ModelCost.Measure(StudentGraphs.WithGemFeatures(Backbone.Value, MobileNetV2Backbone.FeaturesOutput, MobileNetV2Backbone.Channels), 224, 224);
        var convHead = ModelCost.Measure(
            StudentGraphs.WithConvHead(Backbone.Value, MobileNetV2Backbone.FeaturesOutput, MobileNetV2Backbone.Channels, 512, seed: 1), 224, 224);

        Assert.Equal(512L * 7 * 7 * 1792, convHead.Macs - linear.Macs);
        // Plus L2N's ε scalar, which the features-only graph lacks.
        Assert.Equal(512L * 1792 + 1, convHead.Parameters - linear.Parameters);
    }
}

using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Tests.Support;
using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.OnnxBridge;

/// <summary>Which initializers train, how they are grouped for the optimiser, and that gradients reach them.</summary>
public sealed class ParameterGroupTests
{
    public ParameterGroupTests() => TorchTestSetup.Ensure();

    [Fact]
    public void Conv_head_student_groups_gem_p_alone_and_the_head_conv_apart_from_the_backbone()
    {
        using var module = OnnxModule.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.onnx"));

        var groups = module.ParameterGroups();

        Assert.Same(module.Initializer("gem.p"), Assert.Single(groups.GemExponents));
        Assert.Same(module.Initializer("head.conv.weight"), Assert.Single(groups.Head));
        Assert.Equal(module.parameters().Count(), groups.Backbone.Count + 2);
        Assert.Equal(module.TrainableInitializers.Count, module.parameters().Count());
    }

    [Fact]
    public void Structural_scalars_and_batch_norm_statistics_are_buffers_not_parameters()
    {
        using var module = OnnxModule.Load(RepoPaths.RequireModel("teacher-resnet18-gem.onnx"));
        var proto = module.Source.Graph;
        var runningStats = proto.Node.Where(n => n.OpType == "BatchNormalization").SelectMany(n => n.Input.Skip(3)).ToList();

        Assert.NotEmpty(runningStats);
        Assert.All(runningStats, name => Assert.DoesNotContain(name, module.TrainableInitializers));
        Assert.All(["gem.clamp_min", "gem.one", "l2n.epsilon"], name => Assert.DoesNotContain(name, module.TrainableInitializers));
        Assert.Contains("gem.p", module.TrainableInitializers);
        Assert.Equal("gem_p", module.TorchNamesByInitializer["gem.p"]);
        Assert.Equal(proto.Initializer.Count, module.TorchNamesByInitializer.Values.Distinct().Count());
    }

    [Fact]
    public void Backward_through_the_imported_student_reaches_gem_p_head_and_backbone()
    {
        using var module = OnnxModule.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.onnx"));
        using var scope = NewDisposeScope();
        module.train();
        var input = tensor(SyntheticInputs.Images(3, [2, 3, 64, 64]), [2, 3, 64, 64]);

        var embedding = module.forward(input);
        (embedding * randn_like(embedding)).sum().backward();

        var groups = module.ParameterGroups();
        Assert.All(groups.GemExponents.Concat(groups.Head).Append(groups.Backbone[0]),
            p => Assert.True(p.grad is { } grad && grad.abs().sum().item<float>() > 0, "no gradient"));
    }

    [Fact]
    public void Freeze_turns_off_gradients_and_empties_the_parameter_groups()
    {
        using var module = OnnxModule.Load(RepoPaths.RequireModel("student-mnv2-linear.onnx"));

        module.Freeze();

        var groups = module.ParameterGroups();
        Assert.Empty(groups.Backbone.Concat(groups.Head).Concat(groups.GemExponents));
    }

    [Fact]
    public void Initializers_named_constant_by_the_options_stay_buffers()
    {
        var proto = OnnxFiles.Load(RepoPaths.RequireModel("student-mnv2-linear.onnx"));

        using var module = OnnxModule.FromModel(proto, new OnnxImportOptions { IsConstant = name => name.StartsWith("adapter.") });

        Assert.DoesNotContain("adapter.weight", module.TrainableInitializers);
        Assert.Empty(module.ParameterGroups().Head);
    }
}

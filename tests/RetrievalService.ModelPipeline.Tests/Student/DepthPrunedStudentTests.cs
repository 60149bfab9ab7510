using Google.Protobuf;
using Onnx;
using RetrievalService.ModelPipeline.Analysis;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Student;

namespace RetrievalService.ModelPipeline.Tests.Student;

/// <summary>Cutting residual blocks out of the built teacher (stages 2-2-2-3) into a ResNet student.</summary>
public sealed class DepthPrunedStudentTests
{
    private static readonly Lazy<ModelProto> Teacher = new(() =>
        OnnxFiles.Load(RepoPaths.RequireFile(Path.Combine(RepoPaths.Models, "teacher-resnet18-gem.onnx"))));

    [Fact]
    public void Finds_the_teachers_four_stages_with_a_projection_block_opening_stages_2_to_4()
    {
        var stages = ResidualStages.Find(Teacher.Value.Graph);

        Assert.Equal([2, 2, 2, 3], stages.Select(s => s.Blocks.Count));
        Assert.Equal([true, false, false, false], stages.Select(s => s.Blocks[0].IdentityShortcut));
        Assert.All(stages.SelectMany(s => s.Blocks.Skip(1)), block => Assert.True(block.IdentityShortcut));
        // Each block reads what the one before it wrote; the first reads the stem's max-pool.
        var blocks = stages.SelectMany(s => s.Blocks).ToList();
        Assert.Equal("Pooling255_Output_0", blocks[0].Input);
        for (var i = 1; i < blocks.Count; i++)
        {
            Assert.Equal(blocks[i - 1].Output, blocks[i].Input);
        }
    }

    [Fact]
    public void Keeping_every_block_leaves_the_teacher_graph_unchanged()
    {
        var student = DepthPrunedStudent.Build(Teacher.Value, [2, 2, 2, 3], "all");

        Assert.Equal(Teacher.Value.Graph.Node, student.Graph.Node);
        Assert.Equal(Teacher.Value.Graph.Initializer, student.Graph.Initializer);
    }

    [Fact]
    public void ResNet10_drops_exactly_the_five_later_blocks_and_their_weights()
    {
        var student = DepthPrunedStudent.Build(Teacher.Value, [1, 1, 1, 1], "student-resnet10-init");

        Assert.Equal([1, 1, 1, 1], DepthPrunedStudent.Layout(student.Graph));
        var adds = student.Graph.Node.Where(n => n.OpType == "Add").Select(n => n.Name);
        Assert.Equal(["Plus267", "Plus299", "Plus331", "Plus363"], adds);
        // The second stage-1 block's convolutions (Convolution271/277) and their weights are gone.
        Assert.DoesNotContain(student.Graph.Node, n => n.Name is "Convolution271" or "Convolution277");
        Assert.DoesNotContain(student.Graph.Initializer, t => t.Name is "Parameter77" or "Parameter73");
        // Five removed blocks of two 3×3 convs at C²·h·w = 64²·56² = 128²·28² = … : 5 · 2 · 9 · 12,845,056 MACs at 224².
        var saved = ModelCost.Measure(Teacher.Value, 224, 224).Macs - ModelCost.Measure(student, 224, 224).Macs;
        Assert.Equal(5L * 2 * 9 * 12_845_056, saved);
    }

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(0, 1, 1, 1)]
    [InlineData(2, 1, 2, 2)]
    public void A_pruned_student_runs_at_odd_sizes_and_returns_unit_vectors(int s1, int s2, int s3, int s4)
    {
        var student = DepthPrunedStudent.Build(Teacher.Value, [s1, s2, s3, s4], "pruned").ToByteArray();
        var input = SyntheticImages.Batch(SyntheticImages.Nchw(1, 173, 231), SyntheticImages.Nchw(2, 173, 231));

        var (values, shape) = OrtRunner.Run(student, ModelIo.Input, input, [2, 3, 173, 231])[ModelIo.Output];

        Assert.Equal([2, 512], shape);
        for (var i = 0; i < 2; i++)
        {
            var norm = Math.Sqrt(values.Skip(i * 512).Take(512).Sum(v => (double)v * v));
            Assert.InRange(norm, 1 - 1e-5, 1 + 1e-5);
        }
    }

    [Fact]
    public void Untrained_resnet10_is_near_the_teacher_only_where_blocks_were_kept()
    {
        // Dropping only the last stage-4 block changes the vector a little; dropping five changes it a lot.
        // Both directions matter: the cut must take effect, and a light cut must stay close to the teacher.
        var image = SyntheticImages.Nchw(3, 224, 224);
        float[] Embed(ModelProto model) => OrtRunner.Run(model.ToByteArray(), ModelIo.Input, image, [1, 3, 224, 224])[ModelIo.Output].Values;
        var teacher = Embed(Teacher.Value);

        var light = Cosine(teacher, Embed(DepthPrunedStudent.Build(Teacher.Value, [2, 2, 2, 2], "light")));
        var heavy = Cosine(teacher, Embed(DepthPrunedStudent.Build(Teacher.Value, [1, 1, 1, 1], "heavy")));

        Assert.True(light > heavy, $"light cut {light:F3}, heavy cut {heavy:F3}");
        Assert.InRange(light, 0.3, 0.9999);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, "4 stages (2-2-2-3 blocks); 3 counts")]
    [InlineData(new[] { 1, 0, 1, 1 }, "Stage 2 has 2 blocks, the first a projection that must stay: keep 1–2, not 0")]
    [InlineData(new[] { 3, 1, 1, 1 }, "Stage 1 has 2 blocks: keep 0–2, not 3")]
    public void Impossible_block_counts_are_refused_naming_the_stage(int[] counts, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => DepthPrunedStudent.Build(Teacher.Value, counts, "bad"));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_graph_without_residual_blocks_is_refused()
    {
        var mobileNet = OnnxFiles.Load(RepoPaths.RequireFile(Path.Combine(RepoPaths.Models, "student-mnv2-convhead-init.onnx")));

        var error = Assert.Throws<ArgumentException>(() => DepthPrunedStudent.Build(mobileNet, [1], "bad"));

        Assert.Contains("no residual blocks", error.Message);
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);
}

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

        Assert.Equal([1, 1, 1, 1], DepthPrunedStudent.BlocksPerStage(student.Graph));
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

    [Fact]
    public void Blocks_are_found_when_batch_norm_is_folded_into_the_convolutions()
    {
        // PyTorch exports eval-mode ResNets with BN folded: every branch ends in a Conv. Stem, one identity block,
        // then a stage of a projection block and an identity block.
        var model = FoldedResNet();

        var stages = ResidualStages.Find(model.Graph);
        Assert.Equal([1, 2], stages.Select(s => s.Blocks.Count));
        Assert.Equal([true, false, true], stages.SelectMany(s => s.Blocks).Select(b => b.IdentityShortcut));
        Assert.Equal("block1/relu", stages[1].Blocks[0].Input);

        var pruned = DepthPrunedStudent.Build(model, [0, 1], "folded-pruned");
        var (values, shape) = OrtRunner.Run(pruned.ToByteArray(), ModelIo.Input, SyntheticImages.Nchw(4, 33, 47), [1, 3, 33, 47])["pooled"];
        Assert.Equal([1, 16], shape);
        // Block 1 removed: the projection block's main path and shortcut now read the stem.
        Assert.Equal(2, pruned.Graph.Node.Count(n => n.OpType == "Conv" && n.Input[0] == "stem/relu"));
        Assert.Contains(values, v => v != 0);
    }

    private static ModelProto FoldedResNet()
    {
        var model = new ModelProto { IrVersion = 7, Graph = new GraphProto { Name = "folded" } };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        var graph = model.Graph;
        graph.Input.Add(OnnxValueInfos.FloatTensor(ModelIo.Input, "batch", 3, "height", "width"));
        var random = new Random(5);
        string Conv(string input, string name, int inputs, int outputs, int kernel, int stride)
        {
            var weights = Enumerable.Range(0, outputs * inputs * kernel * kernel).Select(_ => (float)(random.NextDouble() - 0.5) * 0.2f).ToArray();
            graph.Initializer.Add(OnnxTensors.Float($"{name}.w", [outputs, inputs, kernel, kernel], weights));
            graph.Initializer.Add(OnnxTensors.Float($"{name}.b", [outputs], new float[outputs]));
            var pad = kernel / 2;
            graph.Node.Add(OnnxNodes.Node("Conv", name, [input, $"{name}.w", $"{name}.b"], OnnxNodes.Ints("kernel_shape", kernel, kernel),
                OnnxNodes.Ints("strides", stride, stride), OnnxNodes.Ints("pads", pad, pad, pad, pad)));
            return name;
        }
        string Relu(string input, string name)
        {
            graph.Node.Add(OnnxNodes.Node("Relu", name, [input]));
            return name;
        }
        string Block(string x, string name, int inputs, int outputs, int stride)
        {
            var main = Conv(Relu(Conv(x, $"{name}/conv1", inputs, outputs, 3, stride), $"{name}/relu1"), $"{name}/conv2", outputs, outputs, 3, 1);
            var shortcut = inputs == outputs ? x : Conv(x, $"{name}/shortcut", inputs, outputs, 1, stride);
            graph.Node.Add(OnnxNodes.Node("Add", $"{name}/add", [main, shortcut]));
            return Relu($"{name}/add", $"{name}/relu");
        }
        var stem = Relu(Conv(ModelIo.Input, "stem/conv", 3, 8, 3, 2), "stem/relu");
        var features = Block(Block(Block(stem, "block1", 8, 8, 1), "block2", 8, 16, 2), "block3", 16, 16, 1);
        graph.Node.Add(OnnxNodes.Node("GlobalAveragePool", "pool", [features]));
        graph.Node.Add(OnnxNodes.Node("Flatten", "flatten", ["pool"], ["pooled"], OnnxNodes.Int("axis", 1)));
        graph.Output.Add(OnnxValueInfos.FloatTensor("pooled", "batch", 16));
        return model;
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);
}

using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using RetrievalService.Embedding.Images;
using RetrievalService.ModelPipeline.Analysis;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Quantization;

namespace RetrievalService.ModelPipeline.Tests.Quantization;

public sealed class QdqQuantizerTests
{
    private const int Side = 16;

    [Fact]
    public void Quantized_block_reproduces_the_float_block_on_images_it_was_not_calibrated_on()
    {
        var model = QuantizationGraphs.Block();
        var quantized = Quantize(model);

        for (var seed = 100; seed < 105; seed++)
        {
            var image = SyntheticImages.Nchw(seed, Side, Side);
            var expected = Embed(model, image);
            var actual = Embed(quantized, image);
            var cosine = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(expected, actual);
            Assert.True(cosine > 0.995, $"image {seed}: cosine {cosine:F5} between the float and the int8 block");
        }
    }

    [Fact]
    public void Onnx_runtime_turns_every_planned_node_into_an_integer_kernel()
    {
        var quantized = Quantize(QuantizationGraphs.Block());

        var ops = OptimizedOps(quantized);

        Assert.Equal(3, ops.Count(op => op == "QLinearConv"));
        Assert.Equal(1, ops.Count(op => op == "QLinearAdd"));
        Assert.DoesNotContain("Conv", ops);
        Assert.DoesNotContain("Clip", ops);
    }

    [Fact]
    public void Quantized_residual_block_with_batch_norm_runs_on_integer_kernels_and_stays_close()
    {
        var model = QuantizationGraphs.ResidualBlock();
        var (folded, _) = BatchNormFolding.Fold(model);
        var quantized = Quantize(folded);

        var ops = OptimizedOps(quantized);
        Assert.Equal(3, ops.Count(op => op == "QLinearConv"));
        Assert.Equal(1, ops.Count(op => op == "QLinearAdd"));
        Assert.DoesNotContain("Relu", ops);
        var image = SyntheticImages.Nchw(200, Side, Side);
        var cosine = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(Embed(model, image), Embed(quantized, image));
        Assert.True(cosine > 0.99, $"cosine {cosine:F5} between the float and the int8 residual block");
    }

    [Fact]
    public void Float_weights_and_clamp_bounds_that_are_no_longer_read_are_dropped()
    {
        var quantized = Quantize(QuantizationGraphs.Block());

        var names = quantized.Graph.Initializer.Select(i => i.Name).ToHashSet();
        Assert.DoesNotContain("stem.weight", names);
        Assert.DoesNotContain("relu6.max", names);
        Assert.Contains("stem/weight/quantized", names);
        Assert.Equal((int)TensorProto.Types.DataType.Int8, quantized.Graph.Initializer.Single(i => i.Name == "stem/weight/quantized").DataType);
        Assert.Equal((int)TensorProto.Types.DataType.Int32, quantized.Graph.Initializer.Single(i => i.Name == "stem/bias/quantized").DataType);
    }

    [Fact]
    public void The_cost_counter_prices_the_int8_graph_like_the_float_one()
    {
        var model = QuantizationGraphs.Block();

        var quantized = ModelCost.Measure(Quantize(model), 16, 16);
        var original = ModelCost.Measure(model, 16, 16);

        // Same convolutions, same arithmetic: only the number type changes. 16²·8·27 + 2 · 16²·8·8 MACs.
        Assert.Equal(16L * 16 * 8 * 27 + 2L * 16 * 16 * 8 * 8, original.Macs);
        Assert.Equal(original.Macs, quantized.Macs);
    }

    [Fact]
    public void Opsets_without_per_channel_dequantization_are_refused()
    {
        var model = QuantizationGraphs.Block();
        model.OpsetImport[0].Version = 11;
        var plan = QuantizationPlan.For(model.Graph);

        var error = Assert.Throws<NotSupportedException>(() => QdqQuantizer.Quantize(model, plan, new Dictionary<string, TensorRange>()));
        Assert.Contains("opset", error.Message);
    }

    [Fact]
    public void A_tensor_without_a_calibrated_range_is_an_error_that_names_it()
    {
        var model = QuantizationGraphs.Block();
        var plan = QuantizationPlan.For(model.Graph);
        var ranges = plan.Tensors.Skip(1).ToDictionary(t => t, _ => new TensorRange(-1, 1));

        var error = Assert.Throws<ArgumentException>(() => QdqQuantizer.Quantize(model, plan, ranges));
        Assert.Contains(ModelIo.Input, error.Message);
    }

    private static ModelProto Quantize(ModelProto model)
    {
        var plan = QuantizationPlan.For(model.Graph);
        var calibration = Enumerable.Range(0, 8).Select(seed => PreprocessedImage.FromPlanes(Side, Side, SyntheticImages.Nchw(seed, Side, Side)));
        var ranges = ActivationCalibrator.Calibrate(model, plan.Tensors, calibration);
        return QdqQuantizer.Quantize(model, plan, ranges);
    }

    private static float[] Embed(ModelProto model, float[] image) =>
        OrtRunner.Run(model.ToByteArray(), ModelIo.Input, image, [1, 3, Side, Side])[ModelIo.Output].Values;

    /// <summary>Op types after ONNX Runtime's graph optimisations (the portable level, without NCHWc layouts).</summary>
    internal static List<string> OptimizedOps(ModelProto model)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qdq-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED, OptimizedModelFilePath = path })
            using (new InferenceSession(model.ToByteArray(), options))
            {
            }
            return OnnxFiles.Load(path).Graph.Node.Select(n => n.OpType).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }
}

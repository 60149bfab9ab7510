using Google.Protobuf;
using Onnx;
using RetrievalService.ModelPipeline.Averaging;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Tests.Quantization;

namespace RetrievalService.ModelPipeline.Tests.Averaging;

public sealed class WeightAveragingTests
{
    [Fact]
    public void Every_float_weight_is_the_mean_of_the_models_and_the_rest_is_kept()
    {
        ModelProto[] models = [QuantizationGraphs.Block(seed: 3), QuantizationGraphs.Block(seed: 4), QuantizationGraphs.Block(seed: 5)];

        var averaged = WeightAveraging.Average(models);

        for (var i = 0; i < averaged.Graph.Initializer.Count; i++)
        {
            var values = models.Select(m => OnnxTensors.ReadFloats(m.Graph.Initializer[i])).ToList();
            var mean = OnnxTensors.ReadFloats(averaged.Graph.Initializer[i]);
            Assert.Equal(values[0].Length, mean.Length);
            for (var j = 0; j < mean.Length; j++)
            {
                Assert.Equal((float)((values[0][j] + (double)values[1][j] + values[2][j]) / 3), mean[j]);
            }
        }
        Assert.Equal(models[0].Graph.Node, averaged.Graph.Node);
        // The seeds differ, so the average is a new set of weights, not a copy of the first model's.
        Assert.NotEqual(OnnxTensors.ReadFloats(models[0].Graph.Initializer[0]), OnnxTensors.ReadFloats(averaged.Graph.Initializer[0]));
    }

    [Fact]
    public void A_model_averaged_with_itself_is_the_same_file()
    {
        var model = QuantizationGraphs.ResidualBlock();

        var averaged = WeightAveraging.Average([model, model.Clone()]);

        Assert.Equal(model.ToByteArray(), averaged.ToByteArray());
    }

    [Fact]
    public void The_average_runs_and_differs_from_both_ingredients()
    {
        var (a, b) = (QuantizationGraphs.Block(seed: 3), QuantizationGraphs.Block(seed: 4));
        var image = SyntheticImages.Nchw(1, 16, 16);

        var averaged = WeightAveraging.Average([a, b]);

        float[] Embed(ModelProto model) => OrtRunner.Run(model.ToByteArray(), ModelIo.Input, image, [1, 3, 16, 16])[ModelIo.Output].Values;
        var embedding = Embed(averaged);
        Assert.Equal(8, embedding.Length);
        Assert.Equal(1.0, Math.Sqrt(embedding.Sum(v => (double)v * v)), 5);
        Assert.NotEqual(Embed(a), embedding);
        Assert.NotEqual(Embed(b), embedding);
    }

    [Fact]
    public void Means_below_the_negligible_weight_are_written_as_zero()
    {
        var (a, b) = (QuantizationGraphs.Block(seed: 3), QuantizationGraphs.Block(seed: 3));
        SetFirstWeight(a, 3e-20f);
        SetFirstWeight(b, -2.9e-20f);

        var averaged = WeightAveraging.Average([a, b]);

        Assert.Equal(0f, OnnxTensors.ReadFloats(averaged.Graph.Initializer[0])[0]);
    }

    [Fact]
    public void Models_of_other_networks_are_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => WeightAveraging.Average([QuantizationGraphs.Block(), QuantizationGraphs.ResidualBlock()]));

        Assert.Contains("not the same network", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_that_differs_only_in_its_nodes_is_refused()
    {
        var (a, b) = (QuantizationGraphs.Block(seed: 3), QuantizationGraphs.Block(seed: 4));
        b.Graph.Node.First(n => n.OpType == "Add").OpType = "Mul";

        var error = Assert.Throws<InvalidDataException>(() => WeightAveraging.Average([a, b]));

        Assert.Contains("Model 2's graph", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_float_initializer_that_differs_is_refused()
    {
        var (a, b) = (QuantizationGraphs.Block(seed: 3), QuantizationGraphs.Block(seed: 4));
        a.Graph.Initializer.Add(OnnxTensors.Int64("shape", [2], [1, 8]));
        b.Graph.Initializer.Add(OnnxTensors.Int64("shape", [2], [8, 1]));

        var error = Assert.Throws<InvalidDataException>(() => WeightAveraging.Average([a, b]));

        Assert.Contains("'shape'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_model_is_not_an_average()
    {
        Assert.Throws<ArgumentException>(() => WeightAveraging.Average([QuantizationGraphs.Block()]));
    }

    [Fact]
    public void Two_copies_of_the_default_student_pushed_apart_average_back_to_it()
    {
        // The real network: ±δ on every float weight of the shipped student, averaged, gives the student back
        // (up to the rounding of w ± δ), so the average of a real graph is taken weight by weight and name by name.
        var path = RepoPaths.RequireFile(Path.Combine(RepoPaths.Models, "student-mnv2-regression.onnx"));
        var original = OnnxFiles.Load(path);
        var (plus, minus) = (Shifted(original, +1e-3f), Shifted(original, -1e-3f));
        var image = SyntheticImages.Nchw(2, 96, 96);

        var averaged = WeightAveraging.Average([plus, minus]);

        float[] Embed(ModelProto model) => OrtRunner.Run(model.ToByteArray(), ModelIo.Input, image, [1, 3, 96, 96])[ModelIo.Output].Values;
        var (expected, actual, shifted) = (Embed(original), Embed(averaged), Embed(plus));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 1e-4f));
        Assert.True(expected.Zip(shifted).Max(pair => Math.Abs(pair.First - pair.Second)) > 1e-3f, "the shift must move the embedding, or the test proves nothing");
    }

    private static ModelProto Shifted(ModelProto model, float delta)
    {
        var copy = model.Clone();
        for (var i = 0; i < copy.Graph.Initializer.Count; i++)
        {
            var tensor = copy.Graph.Initializer[i];
            // Shapes and frozen BatchNorm statistics stay; a negative variance would not be a network.
            if (tensor.DataType != (int)TensorProto.Types.DataType.Float || tensor.Name.Contains("var", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var values = OnnxTensors.ReadFloats(tensor).Select(v => v + delta).ToArray();
            copy.Graph.Initializer[i] = OnnxTensors.Float(tensor.Name, [.. tensor.Dims], values);
        }
        return copy;
    }

    private static void SetFirstWeight(ModelProto model, float value)
    {
        var tensor = model.Graph.Initializer[0];
        var values = OnnxTensors.ReadFloats(tensor);
        values[0] = value;
        model.Graph.Initializer[0] = OnnxTensors.Float(tensor.Name, [.. tensor.Dims], values);
    }
}

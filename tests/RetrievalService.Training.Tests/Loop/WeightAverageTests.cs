using RetrievalService.Training.Loop;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Tests.Support;
using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.Loop;

/// <summary>The exponential moving average of the weights: its arithmetic, its swap in and out, and its checkpoint.</summary>
public sealed class WeightAverageTests
{
    public WeightAverageTests() => TorchTestSetup.Ensure();

    [Fact]
    public void Each_update_blends_in_the_current_weights_with_the_warmed_up_decay()
    {
        using var module = OneMatrixModule();
        var weight = module.Initializer("w");
        Set(weight, [1, 2, 3, 4]);
        using var average = new WeightAverage(module, decay: 0.2);

        Set(weight, [5, 6, 7, 8]);
        average.Update(); // d = min(0.2, 2/11) = 2/11
        Set(weight, [0, 0, 0, 0]);
        average.Update(); // d = min(0.2, 3/12) = 0.2

        double[] start = [1, 2, 3, 4], first = [5, 6, 7, 8];
        var d1 = 2.0 / 11;
        var expected = start.Zip(first, (s, f) => 0.2 * (d1 * s + (1 - d1) * f)).ToArray();
        using (average.Apply())
        {
            Assert.Equal(expected, Values(weight), (a, b) => Math.Abs(a - b) < 1e-6);
        }
        Assert.Equal(2, average.Updates);
    }

    [Fact]
    public void Apply_puts_the_average_in_the_same_parameters_and_restores_the_trained_weights_exactly()
    {
        using var module = OneMatrixModule();
        var weight = module.Initializer("w");
        Set(weight, [1, 1, 1, 1]);
        using var average = new WeightAverage(module, decay: 0.5);
        Set(weight, [3, 5, 7, 9]);

        using (average.Apply())
        {
            Assert.Same(weight, module.Initializer("w"));
            Assert.Equal([1.0, 1, 1, 1], Values(weight));
        }

        Assert.Equal([3.0, 5, 7, 9], Values(weight));
    }

    [Fact]
    public void Save_and_load_carry_the_average_and_its_update_count_and_leave_the_trained_weights_alone()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("average.bin");
        using var module = OneMatrixModule();
        Set(module.Initializer("w"), [2, 4, 6, 8]);
        using (var average = new WeightAverage(module, decay: 0.9))
        {
            Set(module.Initializer("w"), [0, 0, 0, 0]);
            average.Update();
            average.Save(path);
            Assert.Equal([0.0, 0, 0, 0], Values(module.Initializer("w")));
        }
        var saved = new[] { 2.0, 4, 6, 8 }.Select(v => v * 2 / 11).ToArray();

        using var resumed = OneMatrixModule();
        Set(resumed.Initializer("w"), [9, 9, 9, 9]);
        using var loaded = new WeightAverage(resumed, decay: 0.9);
        loaded.Load(path, updates: 1);

        Assert.Equal([9.0, 9, 9, 9], Values(resumed.Initializer("w")));
        Assert.Equal(1, loaded.Updates);
        using (loaded.Apply())
        {
            Assert.Equal(saved, Values(resumed.Initializer("w")), (a, b) => Math.Abs(a - b) < 1e-6);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    public void A_decay_outside_zero_to_one_is_refused(double decay)
    {
        using var module = OneMatrixModule();

        Assert.Throws<ArgumentOutOfRangeException>(() => new WeightAverage(module, decay));
    }

    private static OnnxModule OneMatrixModule() =>
        OnnxModule.FromModel(new TinyGraph(1, 2).Floats("w", [2, 2], [1, 0, 0, 1]).Node("MatMul", ["x", "w"], "y").Build());

    private static void Set(Tensor parameter, float[] values)
    {
        using var _ = no_grad();
        using var source = tensor(values).reshape(parameter.shape);
        parameter.copy_(source);
    }

    private static double[] Values(Tensor parameter) => [.. parameter.data<float>().ToArray().Select(v => (double)v)];
}

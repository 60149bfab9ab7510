using RetrievalService.ModelPipeline.Adapter;

namespace RetrievalService.ModelPipeline.Tests.Adapter;

public sealed class RidgeRegressionTests
{
    [Fact]
    public void Ridge_with_a_tiny_penalty_recovers_a_known_affine_map()
    {
        var random = new Random(3);
        var truth = new LinearMap(6, 3, RandomValues(random, 18), RandomValues(random, 3));
        var x = Enumerable.Range(0, 200).Select(_ => RandomValues(random, 6).Select(v => v * 5 + 2).ToArray()).ToArray();
        var y = x.Select(row => truth.Apply(row)).ToArray();

        var fitted = RidgeRegression.Fit(x, y, lambda: 1e-9);

        for (var i = 0; i < truth.Weight.Length; i++)
        {
            Assert.Equal(truth.Weight[i], fitted.Weight[i], 3);
        }
        for (var o = 0; o < 3; o++)
        {
            Assert.Equal(truth.Bias[o], fitted.Bias[o], 3);
        }
    }

    [Fact]
    public void Ridge_matches_the_closed_form_on_a_hand_computed_one_dimensional_case()
    {
        // x = [0, 1, 2], y = [1, 3, 5]: σ = sqrt(2/3), standardised x = [−a, 0, a] with a = 1/σ = sqrt(3/2), Σz² = 3;
        // slope on z = Σz·(y−ȳ) / (Σz² + λ·n) = 4a / (3 + 3λ); with λ = 1 that is 2a/3, so W = (2a/3)/σ = 2a²/3 = 1:
        // the penalty equals Σz² and halves the least-squares slope of 2. Intercept b = ȳ − μ·W = 3 − 1 = 2.
        var x = new[] { new[] { 0f }, new[] { 1f }, new[] { 2f } };
        var y = new[] { new[] { 1f }, new[] { 3f }, new[] { 5f } };

        var fitted = RidgeRegression.Fit(x, y, lambda: 1);

        Assert.Equal(1.0, fitted.Weight[0], 5);
        Assert.Equal(2.0, fitted.Bias[0], 5);
    }

    [Fact]
    public void Constant_input_columns_do_not_break_the_fit()
    {
        var x = Enumerable.Range(0, 20).Select(i => new[] { i * 0.1f, 4f }).ToArray();
        var y = x.Select(row => new[] { 2 * row[0] - 1 }).ToArray();

        var fitted = RidgeRegression.Fit(x, y, lambda: 1e-9);

        Assert.Equal(2, fitted.Weight[0], 3);
        Assert.Equal(0, fitted.Weight[1], 3);
        Assert.Equal(-1, fitted.Bias[0], 3);
    }

    [Fact]
    public void Adapter_file_round_trips_bit_for_bit()
    {
        var map = new LinearMap(2, 2, [1.5f, -2f, float.Epsilon, 3f], [0.25f, -0.125f]);
        var path = Path.Combine(Path.GetTempPath(), $"adapter-{Guid.NewGuid():N}.bin");
        try
        {
            LinearMapFile.Save(map, path);
            var loaded = LinearMapFile.Load(path);
            Assert.Equal(map.Weight, loaded.Weight);
            Assert.Equal(map.Bias, loaded.Bias);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static float[] RandomValues(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
}

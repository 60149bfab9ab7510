using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.Support;

/// <summary>Autograd against central finite differences in float64, element by element.</summary>
internal static class GradientCheck
{
    private const double Step = 1e-6;

    /// <summary>Checks the gradient of <paramref name="loss"/> with respect to every element of every input.</summary>
    public static void Verify(Func<Tensor[], Tensor> loss, params (double[] Values, long[] Shape)[] inputs)
    {
        using var scope = NewDisposeScope();
        var tensors = inputs.Select(i => tensor(i.Values, i.Shape, ScalarType.Float64, requires_grad: true)).ToArray();
        loss(tensors).backward();
        for (var k = 0; k < inputs.Length; k++)
        {
            var analytic = tensors[k].grad?.data<double>().ToArray() ?? new double[inputs[k].Values.Length];
            for (var i = 0; i < analytic.Length; i++)
            {
                var numeric = (Evaluate(loss, inputs, k, i, Step) - Evaluate(loss, inputs, k, i, -Step)) / (2 * Step);
                Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-6 + 1e-5 * Math.Abs(analytic[i]),
                    $"input {k}, element {i}: autograd {analytic[i]:G9}, finite difference {numeric:G9}");
            }
        }
    }

    private static double Evaluate(Func<Tensor[], Tensor> loss, (double[] Values, long[] Shape)[] inputs, int k, int i, double delta)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var tensors = inputs.Select((input, j) =>
        {
            var values = (double[])input.Values.Clone();
            if (j == k)
            {
                values[i] += delta;
            }
            return tensor(values, input.Shape, ScalarType.Float64);
        }).ToArray();
        return loss(tensors).item<double>();
    }

    /// <summary>Seeded standard-normal values times <paramref name="scale"/>, as float64.</summary>
    public static (double[] Values, long[] Shape) Random(int seed, double scale, params long[] shape) =>
        ([.. SyntheticInputs.Normal(seed, shape.Aggregate(1L, (a, b) => a * b), scale).Select(v => (double)v)], shape);
}

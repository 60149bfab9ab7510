namespace RetrievalService.ModelPipeline.Adapter;

/// <summary>
/// Multi-output ridge regression in double precision: inputs are standardised per column, targets centred,
/// the penalty λ·n·‖B‖² acts on the standardised coefficients, and the result is folded back into an
/// affine map on raw inputs (the intercept is not penalised). The Gram matrix is built once per data set,
/// so trying several penalties costs one factorisation each.
/// </summary>
public sealed class RidgeRegression
{
    private readonly int count;
    private readonly double[] inputMean;
    private readonly double[] inputScale;
    private readonly double[] targetMean;
    private readonly SymmetricMatrix gram;
    private readonly double[,] crossProducts;

    public RidgeRegression(IReadOnlyList<float[]> x, IReadOnlyList<float[]> y)
    {
        if (x.Count == 0 || x.Count != y.Count)
        {
            throw new ArgumentException($"Need as many targets as inputs (got {x.Count} and {y.Count}), at least one.");
        }
        count = x.Count;
        (inputMean, inputScale) = ColumnStatistics(x);
        (targetMean, _) = ColumnStatistics(y);
        var standardized = x.Select(row => Standardize(row, inputMean, inputScale)).ToArray();
        gram = SymmetricMatrix.Gram(standardized);
        crossProducts = SymmetricMatrix.CrossProducts(standardized, y, targetMean);
    }

    public static LinearMap Fit(IReadOnlyList<float[]> x, IReadOnlyList<float[]> y, double lambda) => new RidgeRegression(x, y).Solve(lambda);

    /// <summary>The map minimising ‖Z·B − (Y − ν)‖² + λ·n·‖B‖², expressed on raw inputs.</summary>
    public LinearMap Solve(double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        var coefficients = gram.CholeskySolve(crossProducts, lambda * count);
        return Unstandardize(coefficients);
    }

    private static (double[] Mean, double[] Scale) ColumnStatistics(IReadOnlyList<float[]> rows)
    {
        var d = rows[0].Length;
        var mean = new double[d];
        var squares = new double[d];
        foreach (var row in rows)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += row[j];
                squares[j] += (double)row[j] * row[j];
            }
        }
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] /= rows.Count;
            var variance = Math.Max(0, squares[j] / rows.Count - mean[j] * mean[j]);
            // Constant columns (e.g. channels that never fire) get unit scale instead of a division by zero.
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }
        return (mean, scale);
    }

    private static double[] Standardize(float[] row, double[] mean, double[] scale)
    {
        var z = new double[row.Length];
        for (var j = 0; j < row.Length; j++)
        {
            z[j] = (row[j] - mean[j]) / scale[j];
        }
        return z;
    }

    // y = ((x − μ)/σ)·B + ν  ⇒  W = B/σ (row-wise), b = ν − Σ_j μ_j/σ_j · B_j.
    private LinearMap Unstandardize(double[,] coefficients)
    {
        var (inputs, outputs) = (coefficients.GetLength(0), coefficients.GetLength(1));
        var weight = new float[inputs * outputs];
        var bias = (double[])targetMean.Clone();
        for (var j = 0; j < inputs; j++)
        {
            for (var o = 0; o < outputs; o++)
            {
                var w = coefficients[j, o] / inputScale[j];
                weight[j * outputs + o] = (float)w;
                bias[o] -= inputMean[j] * w;
            }
        }
        return new LinearMap(inputs, outputs, weight, bias.Select(b => (float)b).ToArray());
    }
}

using System.Numerics;
using RetrievalService.Embedding.Numerics;

namespace RetrievalService.ModelPipeline.Adapter;

/// <summary>Dense symmetric positive-definite matrix with the few operations ridge regression needs.</summary>
internal sealed class SymmetricMatrix(int size)
{
    private readonly double[] values = new double[size * size];

    public int Size => size;

    /// <summary>ZᵀZ, accumulated one row at a time with SIMD over the upper triangle.</summary>
    public static SymmetricMatrix Gram(IReadOnlyList<double[]> rows)
    {
        var d = rows[0].Length;
        var gram = new SymmetricMatrix(d);
        foreach (var row in rows)
        {
            for (var i = 0; i < d; i++)
            {
                var zi = row[i];
                if (zi == 0)
                {
                    continue;
                }
                AddScaled(gram.values.AsSpan(i * d + i, d - i), row.AsSpan(i), zi);
            }
        }
        gram.MirrorUpperToLower();
        return gram;
    }

    /// <summary>Zᵀ(Y − ν) as a [d, outputs] array.</summary>
    public static double[,] CrossProducts(IReadOnlyList<double[]> z, IReadOnlyList<float[]> y, double[] targetMean)
    {
        var (d, outputs) = (z[0].Length, targetMean.Length);
        var flat = new double[d * outputs];
        var centred = new double[outputs];
        for (var r = 0; r < z.Count; r++)
        {
            for (var o = 0; o < outputs; o++)
            {
                centred[o] = y[r][o] - targetMean[o];
            }
            for (var j = 0; j < d; j++)
            {
                AddScaled(flat.AsSpan(j * outputs, outputs), centred, z[r][j]);
            }
        }
        var result = new double[d, outputs];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(double));
        return result;
    }

    /// <summary>
    /// Solves (this + ridge·I)·X = B by Cholesky factorisation; throws if not positive definite.
    /// The matrix itself is not modified, so several penalties can be tried on one Gram matrix.
    /// </summary>
    public double[,] CholeskySolve(double[,] rightHandSides, double ridge = 0) =>
        CholeskyFactor.Of(values, size, ridge).Solve(rightHandSides);

    private void MirrorUpperToLower()
    {
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < i; j++)
            {
                values[i * size + j] = values[j * size + i];
            }
        }
    }

    private static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double scale)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<double>(scale);
            for (; i <= target.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(target[i..]) + factor * new Vector<double>(source[i..])).CopyTo(target[i..]);
            }
        }
        for (; i < target.Length; i++)
        {
            target[i] += scale * source[i];
        }
    }
}

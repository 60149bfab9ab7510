using System.Numerics;

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
    public double[,] CholeskySolve(double[,] rightHandSides, double ridge = 0)
    {
        var lower = CholeskyFactor(ridge);
        // Back substitution walks columns of L; solving with Lᵀ stored row-major keeps it cache-friendly.
        var upper = Transpose(lower);
        var outputs = rightHandSides.GetLength(1);
        var solution = new double[size, outputs];
        var column = new double[size];
        for (var o = 0; o < outputs; o++)
        {
            for (var i = 0; i < size; i++)
            {
                column[i] = rightHandSides[i, o];
            }
            ForwardSubstitute(lower, column);
            BackSubstitute(upper, column);
            for (var i = 0; i < size; i++)
            {
                solution[i, o] = column[i];
            }
        }
        return solution;
    }

    private double[] CholeskyFactor(double ridge)
    {
        var lower = (double[])values.Clone();
        for (var i = 0; i < size; i++)
        {
            lower[i * size + i] += ridge;
        }
        for (var j = 0; j < size; j++)
        {
            var rowJ = lower.AsSpan(j * size, j);
            var diagonal = lower[j * size + j] - Dot(rowJ, rowJ);
            if (diagonal <= 0)
            {
                throw new InvalidOperationException($"Matrix is not positive definite at pivot {j}; increase the ridge penalty.");
            }
            var pivot = Math.Sqrt(diagonal);
            lower[j * size + j] = pivot;
            for (var i = j + 1; i < size; i++)
            {
                lower[i * size + j] = (lower[i * size + j] - Dot(lower.AsSpan(i * size, j), rowJ)) / pivot;
            }
        }
        return lower;
    }

    private void ForwardSubstitute(double[] lower, double[] b)
    {
        for (var i = 0; i < size; i++)
        {
            b[i] = (b[i] - Dot(lower.AsSpan(i * size, i), b.AsSpan(0, i))) / lower[i * size + i];
        }
    }

    private void BackSubstitute(double[] upper, double[] b)
    {
        for (var i = size - 1; i >= 0; i--)
        {
            var tail = i + 1;
            b[i] = (b[i] - Dot(upper.AsSpan(i * size + tail, size - tail), b.AsSpan(tail))) / upper[i * size + i];
        }
    }

    private double[] Transpose(double[] matrix)
    {
        var result = new double[matrix.Length];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                result[j * size + i] = matrix[i * size + j];
            }
        }
        return result;
    }

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

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = Vector<double>.Zero;
            for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                acc += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
            }
            sum = Vector.Sum(acc);
        }
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
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

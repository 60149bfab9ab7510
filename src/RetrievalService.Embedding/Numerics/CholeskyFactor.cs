using System.Numerics;

namespace RetrievalService.Embedding.Numerics;

/// <summary>
/// The Cholesky factor L (S = L·Lᵀ) of a symmetric positive-definite matrix S, with the two uses the project has for
/// it: solving S·X = B (ridge regression) and L⁻¹ (learned whitening). Matrices are n×n, double precision.
/// </summary>
public sealed class CholeskyFactor
{
    private readonly double[] lower;

    private CholeskyFactor(double[] lower, int size)
    {
        this.lower = lower;
        Size = size;
    }

    /// <summary>The order n of the matrix.</summary>
    public int Size { get; }

    /// <summary>Factors <paramref name="matrix"/> + <paramref name="ridge"/>·I; only its lower triangle is read.</summary>
    /// <exception cref="InvalidOperationException">The matrix (with the ridge) is not positive definite.</exception>
    public static CholeskyFactor Of(double[,] matrix, double ridge = 0)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var size = matrix.GetLength(0);
        if (matrix.GetLength(1) != size)
        {
            throw new ArgumentException($"A Cholesky factor needs a square matrix; got {size}×{matrix.GetLength(1)}.", nameof(matrix));
        }
        var flat = new double[size * size];
        Buffer.BlockCopy(matrix, 0, flat, 0, flat.Length * sizeof(double));
        return Factor(flat, size, ridge);
    }

    /// <summary>Factors the row-major n×n <paramref name="matrix"/> + <paramref name="ridge"/>·I; only its lower triangle is read.</summary>
    /// <exception cref="InvalidOperationException">The matrix (with the ridge) is not positive definite.</exception>
    public static CholeskyFactor Of(ReadOnlySpan<double> matrix, int size, double ridge = 0)
    {
        if (matrix.Length != size * size)
        {
            throw new ArgumentException($"A {size}×{size} matrix has {size * size} values; got {matrix.Length}.", nameof(matrix));
        }
        return Factor(matrix.ToArray(), size, ridge);
    }

    /// <summary>L⁻¹ by forward substitution; lower-triangular too.</summary>
    public double[,] InverseLower()
    {
        var inverse = new double[Size, Size];
        for (var column = 0; column < Size; column++)
        {
            inverse[column, column] = 1 / lower[column * Size + column];
            for (var i = column + 1; i < Size; i++)
            {
                var sum = 0.0;
                for (var k = column; k < i; k++)
                {
                    sum -= lower[i * Size + k] * inverse[k, column];
                }
                inverse[i, column] = sum / lower[i * Size + i];
            }
        }
        return inverse;
    }

    /// <summary>X with S·X = <paramref name="rightHandSides"/> (n rows, any number of columns).</summary>
    public double[,] Solve(double[,] rightHandSides)
    {
        ArgumentNullException.ThrowIfNull(rightHandSides);
        if (rightHandSides.GetLength(0) != Size)
        {
            throw new ArgumentException($"The right-hand sides need {Size} rows; got {rightHandSides.GetLength(0)}.", nameof(rightHandSides));
        }
        // Back substitution walks columns of L; solving with Lᵀ stored row-major keeps it cache-friendly.
        var upper = Transpose(lower, Size);
        var outputs = rightHandSides.GetLength(1);
        var solution = new double[Size, outputs];
        var column = new double[Size];
        for (var o = 0; o < outputs; o++)
        {
            for (var i = 0; i < Size; i++)
            {
                column[i] = rightHandSides[i, o];
            }
            ForwardSubstitute(column);
            BackSubstitute(upper, column);
            for (var i = 0; i < Size; i++)
            {
                solution[i, o] = column[i];
            }
        }
        return solution;
    }

    private static CholeskyFactor Factor(double[] values, int size, double ridge)
    {
        for (var j = 0; j < size; j++)
        {
            var rowJ = values.AsSpan(j * size, j);
            var diagonal = values[j * size + j] + ridge - Dot(rowJ, rowJ);
            if (diagonal <= 0)
            {
                throw new InvalidOperationException(
                    $"The matrix is not positive definite (pivot {j} is {diagonal:g3}); add a larger ridge to its diagonal.");
            }
            var pivot = Math.Sqrt(diagonal);
            values[j * size + j] = pivot;
            for (var i = j + 1; i < size; i++)
            {
                values[i * size + j] = (values[i * size + j] - Dot(values.AsSpan(i * size, j), rowJ)) / pivot;
            }
        }
        return new CholeskyFactor(values, size);
    }

    private void ForwardSubstitute(double[] b)
    {
        for (var i = 0; i < Size; i++)
        {
            b[i] = (b[i] - Dot(lower.AsSpan(i * Size, i), b.AsSpan(0, i))) / lower[i * Size + i];
        }
    }

    private void BackSubstitute(double[] upper, double[] b)
    {
        for (var i = Size - 1; i >= 0; i--)
        {
            var tail = i + 1;
            b[i] = (b[i] - Dot(upper.AsSpan(i * Size + tail, Size - tail), b.AsSpan(tail))) / upper[i * Size + i];
        }
    }

    private static double[] Transpose(double[] matrix, int size)
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
}

namespace RetrievalService.Evaluation.Whitening;

/// <summary>Cholesky factor and triangular inverse of a symmetric positive-definite matrix (row-major, n×n).</summary>
internal static class Cholesky
{
    /// <summary>Lower-triangular L with S = L·Lᵀ.</summary>
    /// <exception cref="InvalidOperationException">S is not positive definite.</exception>
    public static double[,] Lower(double[,] s)
    {
        var n = s.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = s[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }
                if (i == j)
                {
                    if (sum <= 0)
                    {
                        throw new InvalidOperationException($"The pair-difference covariance is not positive definite (pivot {i} is {sum:g3}).");
                    }
                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }
        return l;
    }

    /// <summary>Inverse of a lower-triangular matrix by forward substitution; the result is lower-triangular too.</summary>
    public static double[,] InvertLower(double[,] l)
    {
        var n = l.GetLength(0);
        var inverse = new double[n, n];
        for (var column = 0; column < n; column++)
        {
            inverse[column, column] = 1 / l[column, column];
            for (var i = column + 1; i < n; i++)
            {
                var sum = 0.0;
                for (var k = column; k < i; k++)
                {
                    sum -= l[i, k] * inverse[k, column];
                }
                inverse[i, column] = sum / l[i, i];
            }
        }
        return inverse;
    }
}

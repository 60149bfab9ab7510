using RetrievalService.Embedding.Numerics;

namespace RetrievalService.Embedding.Tests.Numerics;

public sealed class CholeskyFactorTests
{
    // S = A·Aᵀ + I for a fixed A: symmetric positive definite, and its order (9) is not a multiple of any SIMD width.
    private static readonly double[,] S = SymmetricPositiveDefinite(9, seed: 7);

    [Fact]
    public void Solve_returns_x_with_s_times_x_equal_to_every_right_hand_side()
    {
        var b = Random(9, 3, seed: 11);

        var x = CholeskyFactor.Of(S).Solve(b);

        AssertClose(b, Multiply(S, x));
    }

    [Fact]
    public void The_ridge_is_added_to_the_diagonal_and_the_matrix_is_left_as_it_was()
    {
        var flat = new double[81];
        Buffer.BlockCopy(S, 0, flat, 0, flat.Length * sizeof(double));
        var b = Random(9, 2, seed: 3);

        var x = CholeskyFactor.Of(flat, 9, ridge: 2.5).Solve(b);

        var withRidge = (double[,])S.Clone();
        for (var i = 0; i < 9; i++)
        {
            withRidge[i, i] += 2.5;
        }
        AssertClose(b, Multiply(withRidge, x));
        Assert.Equal(S[4, 4], flat[4 * 9 + 4]);
    }

    [Fact]
    public void The_inverse_factor_whitens_the_matrix()
    {
        var inverse = CholeskyFactor.Of(S).InverseLower();

        // L⁻¹·S·L⁻ᵀ = L⁻¹·L·Lᵀ·L⁻ᵀ = I, and L⁻¹ is lower-triangular.
        AssertClose(Identity(9), Multiply(Multiply(inverse, S), Transpose(inverse)));
        Assert.Equal(0, inverse[2, 5]);
    }

    [Fact]
    public void Only_the_lower_triangle_is_read()
    {
        var upperGarbage = (double[,])S.Clone();
        upperGarbage[1, 6] = 1e6;
        var b = Random(9, 1, seed: 5);

        AssertClose(CholeskyFactor.Of(S).Solve(b), CholeskyFactor.Of(upperGarbage).Solve(b));
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_is_refused_with_the_failing_pivot()
    {
        double[,] indefinite = { { 1, 2 }, { 2, 1 } };

        var error = Assert.Throws<InvalidOperationException>(() => CholeskyFactor.Of(indefinite));

        Assert.Contains("not positive definite (pivot 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ridge_makes_a_singular_matrix_factorable()
    {
        double[,] singular = { { 1, 1 }, { 1, 1 } };

        Assert.Throws<InvalidOperationException>(() => CholeskyFactor.Of(singular));
        var x = CholeskyFactor.Of(singular, ridge: 1).Solve(new double[,] { { 3 }, { 3 } });

        AssertClose(new double[,] { { 1 }, { 1 } }, x);
    }

    private static double[,] SymmetricPositiveDefinite(int n, int seed)
    {
        var a = Random(n, n, seed);
        var s = Multiply(a, Transpose(a));
        for (var i = 0; i < n; i++)
        {
            s[i, i] += 1;
        }
        return s;
    }

    private static double[,] Random(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var m = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                m[i, j] = random.NextDouble() * 2 - 1;
            }
        }
        return m;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var (rows, inner, columns) = (a.GetLength(0), a.GetLength(1), b.GetLength(1));
        var c = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                for (var k = 0; k < inner; k++)
                {
                    c[i, j] += a[i, k] * b[k, j];
                }
            }
        }
        return c;
    }

    private static double[,] Transpose(double[,] m)
    {
        var t = new double[m.GetLength(1), m.GetLength(0)];
        for (var i = 0; i < m.GetLength(0); i++)
        {
            for (var j = 0; j < m.GetLength(1); j++)
            {
                t[j, i] = m[i, j];
            }
        }
        return t;
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            m[i, i] = 1;
        }
        return m;
    }

    private static void AssertClose(double[,] expected, double[,] actual)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var j = 0; j < expected.GetLength(1); j++)
            {
                Assert.True(Math.Abs(expected[i, j] - actual[i, j]) < 1e-9, $"[{i},{j}]: expected {expected[i, j]}, got {actual[i, j]}");
            }
        }
    }
}

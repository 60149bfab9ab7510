namespace RetrievalService.DatasetTool.Geometry;

/// <summary>Gaussian elimination with partial pivoting for the small systems of <see cref="Homography"/>.</summary>
internal static class LinearSystem
{
    /// <summary>Solves A·x = b for an n×(n+1) augmented matrix [A | b].</summary>
    public static double[] Solve(double[,] augmented)
    {
        var n = augmented.GetLength(0);
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(augmented[r, col]));
            if (Math.Abs(augmented[pivot, col]) < 1e-12)
            {
                throw new ArgumentException("Degenerate corners: three of the four points are collinear.");
            }
            for (var c = 0; c <= n; c++)
            {
                (augmented[col, c], augmented[pivot, c]) = (augmented[pivot, c], augmented[col, c]);
            }
            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }
                var factor = augmented[r, col] / augmented[col, col];
                for (var c = col; c <= n; c++)
                {
                    augmented[r, c] -= factor * augmented[col, c];
                }
            }
        }
        return Enumerable.Range(0, n).Select(r => augmented[r, n] / augmented[r, r]).ToArray();
    }
}

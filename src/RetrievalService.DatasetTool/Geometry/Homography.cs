using System.Numerics;

namespace RetrievalService.DatasetTool.Geometry;

/// <summary>The projective map that sends four source points to four target points (direct linear solve).</summary>
public static class Homography
{
    /// <summary>
    /// The 3×3 matrix H (row-major, h22 = 1) with H·[x y 1]ᵀ ∝ [x' y' 1]ᵀ for each corresponding pair.
    /// </summary>
    public static double[] FromCorners(IReadOnlyList<PointD> source, IReadOnlyList<PointD> target)
    {
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var (s, t) = (source[i], target[i]);
            double[] rowX = [s.X, s.Y, 1, 0, 0, 0, -t.X * s.X, -t.X * s.Y, t.X];
            double[] rowY = [0, 0, 0, s.X, s.Y, 1, -t.Y * s.X, -t.Y * s.Y, t.Y];
            for (var c = 0; c < 9; c++)
            {
                a[2 * i, c] = rowX[c];
                a[2 * i + 1, c] = rowY[c];
            }
        }
        return [.. LinearSystem.Solve(a), 1];
    }

    /// <summary>Applies H to a point.</summary>
    public static PointD Apply(double[] h, PointD p)
    {
        var w = h[6] * p.X + h[7] * p.Y + h[8];
        return new((h[0] * p.X + h[1] * p.Y + h[2]) / w, (h[3] * p.X + h[4] * p.Y + h[5]) / w);
    }

    /// <summary>
    /// H in ImageSharp's convention: row vectors (x, y, 0, 1)·M, then divide by the fourth component
    /// (<c>TransformUtils.ProjectiveTransform2D</c>), so H's columns become M's rows.
    /// </summary>
    public static Matrix4x4 ToImageSharp(double[] h) => new(
        (float)h[0], (float)h[3], 0, (float)h[6],
        (float)h[1], (float)h[4], 0, (float)h[7],
        0, 0, 1, 0,
        (float)h[2], (float)h[5], 0, (float)h[8]);
}

namespace RetrievalService.DatasetTool.Geometry;

/// <summary>A point in source-photo pixel coordinates; double precision so ground truth does not depend on float rounding.</summary>
public readonly record struct PointD(double X, double Y)
{
    /// <summary>Vector sum.</summary>
    public static PointD operator +(PointD a, PointD b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary>Vector difference.</summary>
    public static PointD operator -(PointD a, PointD b) => new(a.X - b.X, a.Y - b.Y);

    /// <summary>Scaling by a number.</summary>
    public static PointD operator *(PointD a, double s) => new(a.X * s, a.Y * s);

    /// <summary>z component of the cross product of two vectors.</summary>
    public static double Cross(PointD a, PointD b) => a.X * b.Y - a.Y * b.X;

    /// <summary>This point rotated by <paramref name="radians"/> about <paramref name="centre"/>.</summary>
    public PointD RotateAbout(PointD centre, double radians)
    {
        var (sin, cos) = Math.SinCos(radians);
        var d = this - centre;
        return centre + new PointD(d.X * cos - d.Y * sin, d.X * sin + d.Y * cos);
    }
}

using RetrievalService.DatasetTool.Geometry;

namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>Draws view geometry and looks from a <see cref="ViewDistribution"/>; pure given the generator's state.</summary>
public static class ViewSampler
{
    /// <summary>The whole photo, unwarped, with a random look: the "context" image a gallery usually holds.</summary>
    public static ViewSpec Whole(Random random, string name, int photoWidth, int photoHeight, ViewDistribution d) =>
        Spec(random, name, Quad.FromRectangle(0, 0, photoWidth, photoHeight), photoWidth, photoHeight, d);

    /// <summary>A random region of a <paramref name="photoWidth"/>×<paramref name="photoHeight"/> photo.</summary>
    public static ViewSpec Region(Random random, string name, int photoWidth, int photoHeight, ViewDistribution d)
    {
        var area = photoWidth * (double)photoHeight * LogUniform(random, d.MinArea, d.MaxArea);
        var aspect = LogUniform(random, d.MinAspect, d.MaxAspect);
        var width = Math.Min(photoWidth, Math.Sqrt(area * aspect));
        var height = Math.Min(photoHeight, Math.Sqrt(area / aspect));
        var quad = Quad.FromRectangle(
            random.NextDouble() * (photoWidth - width), random.NextDouble() * (photoHeight - height), width, height);
        if (random.NextDouble() < d.RotationProbability)
        {
            var radians = Uniform(random, -d.MaxRotationDegrees, d.MaxRotationDegrees) * Math.PI / 180;
            var centre = quad.Centre;
            quad = quad.Map(p => p.RotateAbout(centre, radians));
        }
        if (random.NextDouble() < d.WarpProbability)
        {
            // Independent corner offsets turn the rectangle into a general quad: a perspective change of viewpoint.
            quad = quad.Map(p => p + new PointD(
                Uniform(random, -d.MaxCornerJitter, d.MaxCornerJitter) * width,
                Uniform(random, -d.MaxCornerJitter, d.MaxCornerJitter) * height));
        }
        return Spec(random, name, quad.FitInside(photoWidth, photoHeight), width, height, d);
    }

    private static ViewSpec Spec(Random random, string name, Quad quad, double width, double height, ViewDistribution d)
    {
        // Output keeps the nominal rectangle's aspect; never upsample a region more than MinLongerSide forces.
        var longer = Math.Clamp((int)Math.Round(Math.Max(width, height)), d.MinLongerSide, d.MaxLongerSide);
        var (outWidth, outHeight) = width >= height
            ? (longer, Math.Max(1, (int)Math.Round(longer * height / width)))
            : (Math.Max(1, (int)Math.Round(longer * width / height)), longer);
        return new ViewSpec(name, quad, outWidth, outHeight, Look(random, d));
    }

    private static Photometric Look(Random random, ViewDistribution d) => new(
        Brightness: (float)Uniform(random, 1 - d.ColourStrength, 1 + d.ColourStrength),
        Contrast: (float)Uniform(random, 1 - d.ColourStrength, 1 + d.ColourStrength),
        Saturation: (float)Uniform(random, 1 - 2 * d.ColourStrength, 1 + 2 * d.ColourStrength),
        HueDegrees: (float)Uniform(random, -d.MaxHueDegrees, d.MaxHueDegrees),
        Grayscale: random.NextDouble() < d.GrayscaleProbability,
        BlurSigma: random.NextDouble() < d.BlurProbability ? (float)Uniform(random, 0.5, d.MaxBlurSigma) : 0,
        JpegQuality: random.Next(d.MinJpegQuality, d.MaxJpegQuality + 1));

    private static double Uniform(Random random, double low, double high) => low + (high - low) * random.NextDouble();

    private static double LogUniform(Random random, double low, double high) =>
        Math.Exp(Uniform(random, Math.Log(low), Math.Log(high)));
}

namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>
/// The random ranges views are drawn from; these are the dataset's difficulty knobs. Areas are fractions of the
/// photo's area, drawn log-uniformly; aspect ratios (width/height) log-uniformly; every other range uniformly.
/// </summary>
public sealed record ViewDistribution(
    double MinArea,
    double MaxArea,
    double MinAspect,
    double MaxAspect,
    double RotationProbability,
    double MaxRotationDegrees,
    double WarpProbability,
    double MaxCornerJitter,
    double ColourStrength,
    double MaxHueDegrees,
    double GrayscaleProbability,
    double BlurProbability,
    double MaxBlurSigma,
    int MinJpegQuality,
    int MaxJpegQuality,
    int MinLongerSide,
    int MaxLongerSide)
{
    /// <summary>Gallery views: from small details to most of the photo, often rotated or warped, recoloured.</summary>
    public static readonly ViewDistribution Gallery = new(
        MinArea: 0.03, MaxArea: 0.6, MinAspect: 0.6, MaxAspect: 1.67,
        RotationProbability: 0.5, MaxRotationDegrees: 25, WarpProbability: 0.5, MaxCornerJitter: 0.12,
        ColourStrength: 0.3, MaxHueDegrees: 15, GrayscaleProbability: 0.1, BlurProbability: 0.3, MaxBlurSigma: 2.0,
        MinJpegQuality: 30, MaxJpegQuality: 90, MinLongerSide: 128, MaxLongerSide: 512);

    /// <summary>Queries: a region of the photo (like a ROxford query box), milder geometry, the same colour changes.</summary>
    public static readonly ViewDistribution Query = Gallery with
    {
        MinArea = 0.08, MaxArea = 0.3, RotationProbability = 0.3, MaxRotationDegrees = 15, WarpProbability = 0.3, MaxCornerJitter = 0.08,
    };
}

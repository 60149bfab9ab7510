namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>Colour, blur and compression applied to a rendered view (factors of 1 and 0 are identity).</summary>
public sealed record Photometric(
    float Brightness, float Contrast, float Saturation, float HueDegrees, bool Grayscale, float BlurSigma, int JpegQuality)
{
    /// <summary>No change, high-quality JPEG.</summary>
    public static readonly Photometric None = new(1, 1, 1, 0, false, 0, 95);
}

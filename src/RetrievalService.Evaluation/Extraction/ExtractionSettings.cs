using System.Globalization;

namespace RetrievalService.Evaluation.Extraction;

/// <summary>How one side (gallery or queries) is embedded: image size and scales.</summary>
/// <param name="LongerSide">Longer image side in pixels at scale 1; aspect ratio is kept.</param>
/// <param name="Scales">Scales of <paramref name="LongerSide"/>; more than one means multi-scale.</param>
/// <param name="PowerMeanP">Exponent of the power mean that combines the scales (the GeM p; docs/evaluation.md#embedding).</param>
public sealed record ExtractionSettings(int LongerSide, IReadOnlyList<double> Scales, double PowerMeanP)
{
    /// <summary>The multi-scale set of cirtorch: 1, 1/√2, 1/2 (docs/method.md#multi-scale-and-whitening).</summary>
    public static readonly IReadOnlyList<double> StandardScales = [1.0, 1.0 / Math.Sqrt(2.0), 0.5];

    /// <summary>GeM's initial p, which both project models use.</summary>
    public const double GemP = 3.0;

    /// <summary>One scale at <paramref name="longerSide"/>.</summary>
    public static ExtractionSettings SingleScale(int longerSide) => new(longerSide, [1.0], GemP);

    /// <summary><see cref="StandardScales"/> at <paramref name="longerSide"/>, combined with p = 3.</summary>
    public static ExtractionSettings MultiScale(int longerSide) => new(longerSide, StandardScales, GemP);

    /// <summary>Whether more than one scale is embedded.</summary>
    public bool IsMultiScale => Scales.Count > 1;

    /// <summary>Longer side in pixels at <paramref name="scale"/>, never below <paramref name="minSide"/>.</summary>
    public int SideAt(double scale, int minSide) =>
        Math.Max(minSide, (int)Math.Round(LongerSide * scale, MidpointRounding.AwayFromZero));

    /// <summary>Stable text for cache keys and reports, e.g. <c>side=224;scales=1,0.7071,0.5;p=3</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"side={LongerSide};scales={string.Join(",", Scales.Select(s => s.ToString("0.####", CultureInfo.InvariantCulture)))};p={PowerMeanP:0.###}");
}

using System.Globalization;
using RetrievalService.Evaluation.Metrics;

namespace RetrievalService.Evaluation.Reports;

/// <summary>Formats <see cref="TeacherAgreement"/> for reports and tables; "–" where a run has none (symmetric).</summary>
public static class AgreementText
{
    /// <summary>One sentence for a single-run report.</summary>
    public static string Sentence(TeacherAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return string.Create(CultureInfo.InvariantCulture,
            $"agreement with the gallery model on the {agreement.Images} gallery images: mean cosine {agreement.MeanCosine:0.000}, "
            + $"10th percentile {agreement.P10Cosine:0.000}, min {agreement.MinCosine:0.000}; its own teacher vector nearest for {Percent.Format(agreement.SelfTop1)} %");
    }

    /// <summary>Mean cosine to three decimals.</summary>
    public static string Mean(TeacherAgreement? agreement) => Cell(agreement?.MeanCosine);

    /// <summary>10th-percentile cosine to three decimals.</summary>
    public static string P10(TeacherAgreement? agreement) => Cell(agreement?.P10Cosine);

    /// <summary>Self-retrieval top-1 in percent.</summary>
    public static string SelfTop1(TeacherAgreement? agreement) => agreement is null ? "–" : Percent.Format(agreement.SelfTop1);

    private static string Cell(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–";
}

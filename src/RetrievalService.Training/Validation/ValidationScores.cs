using RetrievalService.Evaluation.Metrics;
using RetrievalService.Training.Loop;

namespace RetrievalService.Training.Validation;

/// <summary>mAP (0..1) of the three revisited protocols.</summary>
public sealed record MapScores(double Easy, double Medium, double Hard)
{
    /// <summary>The mAP values of <paramref name="result"/>.</summary>
    public static MapScores From(RevisitedResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new MapScores(result.Easy.MeanAveragePrecision, result.Medium.MeanAveragePrecision, result.Hard.MeanAveragePrecision);
    }
}

/// <summary>Validation of one model state on the <c>val</c> split.</summary>
/// <param name="Asymmetric">Student queries against the teacher's gallery (always computed).</param>
/// <param name="Symmetric">Student queries against the student's gallery; <c>null</c> unless the student embedded the gallery.</param>
/// <param name="Agreement">The student's agreement with the teacher on the gallery images; <c>null</c> unless the student embedded the gallery.</param>
public sealed record ValidationScores(MapScores Asymmetric, MapScores? Symmetric, TeacherAgreement? Agreement = null)
{
    /// <summary>The score that <paramref name="mode"/> selects by: a Medium mAP, or the mean cosine to the teacher.</summary>
    public double SelectionScore(SelectionMode mode) => mode switch
    {
        SelectionMode.Symmetric => (Symmetric ?? throw new InvalidOperationException("Symmetric validation was not computed.")).Medium,
        SelectionMode.Agreement => (Agreement ?? throw new InvalidOperationException("Agreement with the teacher was not computed.")).MeanCosine,
        _ => Asymmetric.Medium,
    };
}

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
/// <param name="Symmetric">Student queries against the student's gallery; <c>null</c> unless it selects the model.</param>
public sealed record ValidationScores(MapScores Asymmetric, MapScores? Symmetric)
{
    /// <summary>The Medium mAP that <paramref name="mode"/> selects by.</summary>
    public double SelectionScore(SelectionMode mode) => mode == SelectionMode.Symmetric
        ? (Symmetric ?? throw new InvalidOperationException("Symmetric validation was not computed.")).Medium
        : Asymmetric.Medium;
}

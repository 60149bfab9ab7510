using RetrievalService.Evaluation.Metrics;
using RetrievalService.Training.Loop;
using RetrievalService.Training.Validation;

namespace RetrievalService.Training.Tests.Validation;

public sealed class ValidationScoresTests
{
    private static readonly MapScores Asymmetric = new(0.7, 0.6, 0.5);
    private static readonly MapScores Symmetric = new(0.9, 0.8, 0.7);

    [Fact]
    public void Each_mode_selects_by_its_own_score()
    {
        var scores = new ValidationScores(Asymmetric, Symmetric, new TeacherAgreement(10, 0.93, 0.9, 0.8, 1));

        Assert.Equal(0.6, scores.SelectionScore(SelectionMode.Asymmetric));
        Assert.Equal(0.8, scores.SelectionScore(SelectionMode.Symmetric));
        Assert.Equal(0.93, scores.SelectionScore(SelectionMode.Agreement));
    }

    [Fact]
    public void Selecting_by_a_score_that_was_not_computed_is_refused()
    {
        var scores = new ValidationScores(Asymmetric, null);

        Assert.Throws<InvalidOperationException>(() => scores.SelectionScore(SelectionMode.Agreement));
        Assert.Throws<InvalidOperationException>(() => scores.SelectionScore(SelectionMode.Symmetric));
    }
}

using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Metrics;

namespace RetrievalService.Evaluation.Tests.Metrics;

public sealed class RevisitedEvaluationTests
{
    private static QueryGroundTruth Gnd(int[] easy, int[] hard, int[] junk) => new(easy, hard, junk, null);

    [Fact]
    public void Each_protocol_uses_its_own_positives_and_ignored_images()
    {
        // easy {0}, hard {1}, junk {2}; ranking 3, 1, 2, 0.
        var result = RevisitedEvaluation.Evaluate([[3, 1, 2, 0]], [Gnd([0], [1], [2])]);

        // Easy: positive 0; 1 and 2 ignored, so it moves from rank 3 to rank 1: ½(0/1 + 1/2) = 0.25.
        Assert.Equal(0.25, result.Easy.MeanAveragePrecision, 12);
        // Medium: positives 1 (rank 1) and 0 (rank 3 − 1 junk = 2): ½(0 + 1/2) and ½(1/2 + 2/3); AP = 5/12.
        Assert.Equal(5.0 / 12.0, result.Medium.MeanAveragePrecision, 12);
        // Hard: positive 1 at rank 1 with nothing ignored before it: 0.25.
        Assert.Equal(0.25, result.Hard.MeanAveragePrecision, 12);
        // Medium mP@k on adjusted 1-based ranks 2 and 3: P@1 = 0, P@5 = P@10 = 2/3.
        Assert.Equal(0.0, result.Medium.MeanPrecisionAt[1], 12);
        Assert.Equal(2.0 / 3.0, result.Medium.MeanPrecisionAt[5], 12);
        Assert.Equal(2.0 / 3.0, result.Medium.MeanPrecisionAt[10], 12);
    }

    [Fact]
    public void Queries_without_positives_for_a_protocol_are_skipped_and_counted()
    {
        int[] perfect = [0, 1, 2, 3];
        QueryGroundTruth[] gnd =
        [
            Gnd([0], [1], []), // scored by all three protocols
            Gnd([], [0], []), // no easy image: skipped by Easy only
            Gnd([], [], [2]), // no positive at all: skipped by every protocol
        ];

        var result = RevisitedEvaluation.Evaluate([perfect, perfect, perfect], gnd);

        Assert.Equal((1, 2), (result.Easy.Scored, result.Easy.Skipped));
        Assert.Equal((2, 1), (result.Medium.Scored, result.Medium.Skipped));
        Assert.Equal((2, 1), (result.Hard.Scored, result.Hard.Skipped));
        Assert.Equal(1.0, result.Medium.MeanAveragePrecision, 12);
        Assert.Equal([1.0, 1.0, null], result.Medium.AveragePrecisions);
    }

    [Fact]
    public void The_mean_is_over_scored_queries_only()
    {
        // Query 0: perfect (AP 1). Query 1: worst of five with two positives (AP 0.225). Query 2: skipped.
        var result = RevisitedEvaluation.Evaluate(
            [[0, 1, 2, 3, 4], [2, 3, 4, 0, 1], [0, 1, 2, 3, 4]],
            [Gnd([0, 1], [], []), Gnd([0, 1], [], []), Gnd([], [], [])]);

        Assert.Equal((1 + 0.225) / 2, result.Medium.MeanAveragePrecision, 12);
    }

    [Fact]
    public void With_no_scored_query_the_means_are_zero()
    {
        var result = RevisitedEvaluation.Evaluate([[0, 1]], [Gnd([], [], [])]);

        Assert.Equal(0, result.Hard.MeanAveragePrecision);
        Assert.Equal(1, result.Hard.Skipped);
    }
}

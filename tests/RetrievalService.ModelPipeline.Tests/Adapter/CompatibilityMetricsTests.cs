using RetrievalService.ModelPipeline.Adapter;

namespace RetrievalService.ModelPipeline.Tests.Adapter;

public sealed class CompatibilityMetricsTests
{
    [Fact]
    public void Metrics_match_a_hand_computed_three_image_case()
    {
        // Teacher vectors are the axes. Student 0 sits nearest its own axis; student 1 leans to axis 2
        // (its own is second); student 2 is nearest axis 0 with its own last.
        float[][] teacher = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
        float[][] student =
        [
            CompatibilityMetrics.Normalize([0.9f, 0.1f, 0.1f]),
            CompatibilityMetrics.Normalize([0.1f, 0.5f, 0.8f]),
            CompatibilityMetrics.Normalize([0.9f, 0.4f, 0.2f]),
        ];

        var metrics = CompatibilityMetrics.Measure(student, teacher);

        Assert.Equal(3, metrics.Count);
        Assert.Equal(1.0 / 3, metrics.Top1, 10);
        Assert.Equal(1.0, metrics.Top5, 10);
        // Wins over the other two images: 2 + 1 + 0 out of 6 pairs.
        Assert.Equal(0.5, metrics.PairwiseWinRate, 10);
        var expectedCosine = (student[0][0] + student[1][1] + student[2][2]) / 3.0;
        Assert.Equal(expectedCosine, metrics.MeanCosine, 6);
    }

    [Fact]
    public void Identical_student_and_teacher_vectors_score_perfectly()
    {
        float[][] vectors = [[1, 0], [0, 1], [0.6f, 0.8f]];

        var metrics = CompatibilityMetrics.Measure(vectors, vectors);

        Assert.Equal(1.0, metrics.Top1);
        Assert.Equal(1.0, metrics.PairwiseWinRate);
        Assert.Equal(1.0, metrics.MeanCosine, 6);
    }
}

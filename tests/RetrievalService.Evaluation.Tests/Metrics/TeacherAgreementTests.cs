using RetrievalService.Evaluation.Metrics;
using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Tests.Metrics;

public sealed class TeacherAgreementTests
{
    [Fact]
    public void A_query_model_equal_to_the_teacher_agrees_fully()
    {
        var teacher = Unit([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);

        var agreement = TeacherAgreement.Measure(teacher, teacher);

        Assert.Equal(new TeacherAgreement(3, 1, 1, 1, 1), agreement);
    }

    [Fact]
    public void Cosines_percentile_and_self_retrieval_are_measured_per_image()
    {
        // Image 0 lands near its own teacher vector; image 1 lands nearer image 0's than its own; image 2 is orthogonal
        // to its own and ties nothing.
        var teacher = Unit([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
        var query = Unit([[0.9f, 0.1f, 0], [0.8f, 0.6f, 0], [0, 1, 0]]);

        var agreement = TeacherAgreement.Measure(query, teacher);

        var cos0 = 0.9 / Math.Sqrt(0.82);
        var cosines = new[] { 0.0, 0.6, cos0 };
        Assert.Equal(3, agreement.Images);
        Assert.Equal(cosines.Average(), agreement.MeanCosine, 6);
        Assert.Equal(0.0, agreement.MinCosine, 6);
        Assert.Equal(0.2 * 0.6, agreement.P10Cosine, 6); // 10 % of the way from 0 to 0.6 (position 0.2 of 2)
        Assert.Equal(1.0 / 3, agreement.SelfTop1, 9);
    }

    [Fact]
    public void A_tie_with_another_images_teacher_vector_is_not_a_self_retrieval()
    {
        var teacher = Unit([[1, 0], [0, 1]]);
        var query = Unit([[1, 1], [0, 1]]);

        Assert.Equal(0.5, TeacherAgreement.Measure(query, teacher).SelfTop1, 9);
    }

    [Fact]
    public void Different_images_or_dimensions_are_refused()
    {
        var teacher = Unit([[1, 0], [0, 1]]);

        Assert.Throws<ArgumentException>(() => TeacherAgreement.Measure(Unit([[1, 0]]), teacher));
        Assert.Throws<ArgumentException>(() => TeacherAgreement.Measure(Unit([[1, 0, 0], [0, 1, 0]]), teacher));
        Assert.Throws<ArgumentException>(() => TeacherAgreement.Measure(new EmbeddingMatrix(0, 2, []), new EmbeddingMatrix(0, 2, [])));
    }

    private static EmbeddingMatrix Unit(float[][] rows)
    {
        var normalised = rows.Select(r =>
        {
            var norm = MathF.Sqrt(r.Sum(v => v * v));
            return r.Select(v => v / norm).ToArray();
        }).ToList();
        return EmbeddingMatrix.FromRows(normalised, rows[0].Length);
    }
}

using RetrievalService.Training.Losses;
using RetrievalService.Training.Tests.Support;
using static TorchSharp.torch;
using F = RetrievalService.Training.Tests.Losses.TupleFixture;

namespace RetrievalService.Training.Tests.Losses;

/// <summary>Every loss on tiny tensors against values computed by hand (see <see cref="TupleFixture"/>).</summary>
public sealed class LossValueTests
{
    private const int Precision = 12;

    public LossValueTests() => TorchTestSetup.Ensure();

    [Fact]
    public void Regression_is_half_the_squared_distance_averaged_over_images()
    {
        using var scope = NewDisposeScope();
        Assert.Equal((0.5 + 0) / 2, RegressionLoss.Compute(F.Anchors(), F.TeacherAnchors()).item<double>(), Precision);
    }

    [Fact]
    public void Asymmetric_contrastive_sums_each_tuple_and_averages_over_tuples()
    {
        using var scope = NewDisposeScope();
        var loss = AsymmetricContrastiveLoss.Compute(F.Anchors(), F.Positives(), F.Negatives());
        Assert.Equal(F.Contrastive, loss.item<double>(), Precision);
    }

    [Fact]
    public void Symmetric_contrastive_has_the_same_formula_on_student_embeddings()
    {
        using var scope = NewDisposeScope();
        var loss = SymmetricContrastiveLoss.Compute(F.Anchors(), F.Positives(), F.Negatives());
        Assert.Equal(F.Contrastive, loss.item<double>(), Precision);
    }

    [Fact]
    public void Contrastive_plus_adds_half_the_squared_distance_to_the_teacher_anchor()
    {
        using var scope = NewDisposeScope();
        var loss = ContrastivePlusLoss.Compute(F.Anchors(), F.TeacherAnchors(), F.Positives(), F.Negatives());
        Assert.Equal(F.ContrastivePlus, loss.item<double>(), Precision);
    }

    [Fact]
    public void Asymmetric_triplet_hinges_each_negative_on_squared_distances()
    {
        using var scope = NewDisposeScope();
        var loss = AsymmetricTripletLoss.Compute(F.Anchors(), F.Positives(), F.Negatives());
        Assert.Equal(F.Triplet, loss.item<double>(), Precision);
    }

    [Fact]
    public void Negative_beyond_the_margin_contributes_nothing_and_gets_no_gradient()
    {
        using var scope = NewDisposeScope();
        var anchor = tensor(new double[] { 0, 0 }, [1, 2], requires_grad: true);
        var negative = tensor(new double[] { 0.8, 0 }, [1, 1, 2]);

        var loss = AsymmetricContrastiveLoss.Compute(anchor, anchor.detach().clone(), negative);
        loss.backward();

        Assert.Equal(0.0, loss.item<double>(), Precision);
        Assert.All(anchor.grad!.data<double>().ToArray(), g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void Negative_on_top_of_the_anchor_costs_half_the_margin_squared_with_a_finite_gradient()
    {
        using var scope = NewDisposeScope();
        var anchor = tensor(new double[] { 0.2, -0.1 }, [1, 2], requires_grad: true);

        var loss = SymmetricContrastiveLoss.Compute(anchor, anchor, anchor.unsqueeze(1));
        loss.backward();

        Assert.Equal(0.5 * 0.7 * 0.7, loss.item<double>(), 5);
        Assert.All(anchor.grad!.data<double>().ToArray(), g => Assert.True(double.IsFinite(g)));
    }

    [Fact]
    public void Rkd_matches_a_hand_computed_three_point_example_with_angle_weight_two()
    {
        using var scope = NewDisposeScope();
        var teacher = tensor(new double[] { 0, 0, 1, 0, 0, 1 }, [3, 2]);
        var student = tensor(new double[] { 0, 0, 1, 0, 0, 2 }, [3, 2]);

        // Plain-Python reference of the same definitions (mean-normalised distances, all N² pairs and N³ angles).
        Assert.Equal(0.018484453276125513, RkdLoss.Distance(student, teacher).item<double>(), Precision);
        Assert.Equal(0.0038012371814434213, RkdLoss.Angle(student, teacher).item<double>(), Precision);
        Assert.Equal(0.026086927639012356, RkdLoss.Compute(student, teacher).item<double>(), Precision);
    }

    [Fact]
    public void Rkd_is_zero_for_a_scaled_copy_of_the_teacher()
    {
        using var scope = NewDisposeScope();
        var teacher = tensor(new double[] { 0, 0, 1, 0, 0, 1, 2, 3 }, [4, 2]);
        Assert.Equal(0.0, RkdLoss.Compute(teacher * 3, teacher).item<double>(), Precision);
    }

    [Fact]
    public void Malformed_negatives_are_rejected_with_their_shape()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() =>
            AsymmetricContrastiveLoss.Compute(F.Anchors(), F.Positives(), zeros(2, 3, 5, dtype: ScalarType.Float64)));
        Assert.Contains("[2, 3, 5]", error.Message);
    }
}

using RetrievalService.Training.Losses;
using RetrievalService.Training.Tests.Support;
using static TorchSharp.torch;
using G = RetrievalService.Training.Tests.Support.GradientCheck;

namespace RetrievalService.Training.Tests.Losses;

/// <summary>Autograd through each loss agrees with finite differences in float64.</summary>
public sealed class LossGradientTests
{
    // Scale 0.3 in 4-D puts distances around the 0.7 margin, so both active and inactive hinges occur.
    private const double Scale = 0.3;

    public LossGradientTests() => TorchTestSetup.Ensure();

    private static Tensor Teacher(int seed, params long[] shape)
    {
        var (values, dims) = G.Random(seed, Scale, shape);
        return tensor(values, dims, ScalarType.Float64);
    }

    [Fact]
    public void Regression_gradient_matches_finite_differences()
    {
        var teacher = Teacher(1, 3, 4);
        G.Verify(s => RegressionLoss.Compute(s[0], teacher), G.Random(2, Scale, 3, 4));
    }

    [Fact]
    public void Asymmetric_contrastive_gradient_matches_finite_differences()
    {
        var (positives, negatives) = (Teacher(3, 2, 4), Teacher(4, 2, 5, 4));
        G.Verify(s => AsymmetricContrastiveLoss.Compute(s[0], positives, negatives), G.Random(5, Scale, 2, 4));
    }

    [Fact]
    public void Contrastive_plus_gradient_matches_finite_differences()
    {
        var (anchors, positives, negatives) = (Teacher(6, 2, 4), Teacher(7, 2, 4), Teacher(8, 2, 5, 4));
        G.Verify(s => ContrastivePlusLoss.Compute(s[0], anchors, positives, negatives), G.Random(9, Scale, 2, 4));
    }

    [Fact]
    public void Asymmetric_triplet_gradient_matches_finite_differences()
    {
        var (positives, negatives) = (Teacher(10, 2, 4), Teacher(11, 2, 5, 4));
        G.Verify(s => AsymmetricTripletLoss.Compute(s[0], positives, negatives), G.Random(12, Scale, 2, 4));
    }

    [Fact]
    public void Symmetric_contrastive_gradient_reaches_anchors_positives_and_negatives()
    {
        G.Verify(s => SymmetricContrastiveLoss.Compute(s[0], s[1], s[2]),
            G.Random(13, Scale, 2, 4), G.Random(14, Scale, 2, 4), G.Random(15, Scale, 2, 5, 4));
    }

    [Fact]
    public void Rkd_gradient_matches_finite_differences()
    {
        var teacher = Teacher(16, 4, 5);
        G.Verify(s => RkdLoss.Compute(s[0], teacher), G.Random(17, 1.0, 4, 3));
    }

    [Fact]
    public void Asymmetric_losses_treat_teacher_embeddings_as_constants()
    {
        using var scope = NewDisposeScope();
        var anchors = tensor(G.Random(18, Scale, 2, 4).Values, [2, 4], ScalarType.Float64, requires_grad: true);
        var positives = tensor(G.Random(19, Scale, 2, 4).Values, [2, 4], ScalarType.Float64, requires_grad: true);
        var negatives = tensor(G.Random(20, Scale, 2, 3, 4).Values, [2, 3, 4], ScalarType.Float64, requires_grad: true);

        (AsymmetricContrastiveLoss.Compute(anchors, positives, negatives)
            + AsymmetricTripletLoss.Compute(anchors, positives, negatives)
            + RkdLoss.Compute(anchors, positives)).backward();

        Assert.NotNull(anchors.grad);
        Assert.Null(positives.grad);
        Assert.Null(negatives.grad);
    }
}

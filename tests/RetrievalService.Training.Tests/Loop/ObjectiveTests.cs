using RetrievalService.Training.Data;
using RetrievalService.Training.Loop;
using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.Loop;

public sealed class ObjectiveTests(ObjectiveFixture fixture) : IClassFixture<ObjectiveFixture>
{
    [Theory]
    [InlineData("asym-contrastive", 1)]
    [InlineData("contr-plus", 1)]
    [InlineData("asym-triplet", 1)]
    [InlineData("sym-contrastive", 7)]
    public void A_tuple_loss_step_gives_a_finite_loss_and_gradients_in_head_and_backbone(string name, int studentImages)
    {
        var loss = LossKinds.Parse(name);
        var objective = new TupleObjective(fixture.Student, fixture.Loader, fixture.Split, fixture.Teacher, loss, 0.7, augmentation: Augmentation.Light);

        // One tuple: the symmetric loss runs all seven of its images through the student.
        TrainingTuple[] batch = [fixture.Tuples[0]];

        var value = Step(() => objective.Backward(batch, new Random(1)));

        Assert.True(double.IsFinite(value) && value >= 0, $"loss {value}");
        Assert.Equal(studentImages, batch.Sum(objective.StudentImages));
        AssertGradients();
    }

    [Theory]
    [InlineData("regression", "none", false)]
    [InlineData("regression", "strong", false)]
    [InlineData("regression", "strong", true)]
    [InlineData("rkd", "none", false)]
    [InlineData("rkd", "strong", true)]
    [InlineData("regression", "strong", true, 1.0)]
    [InlineData("rkd", "none", true, 1.0)]
    public void An_image_loss_step_gives_a_positive_finite_loss_and_gradients_in_head_and_backbone(string name, string augment, bool sameView, double mixup = 0)
    {
        var augmentation = augment == "strong" ? Augmentation.Strong : null;
        IImageTargets targets = sameView ? new SameViewImageTargets(fixture.RealTeacher) : new CachedImageTargets(fixture.Teacher);
        var objective = new ImageObjective(fixture.Student, fixture.Loader, fixture.Split, targets, LossKinds.Parse(name), augmentation,
            mixup > 0 ? new Mixup(mixup) : null);
        SplitImage[] batch = [SplitImage.Query(0), SplitImage.Gallery(4), SplitImage.Gallery(9)];

        var value = Step(() => objective.Backward(batch, new Random(1)));

        Assert.True(double.IsFinite(value) && value > 0, $"loss {value}");
        AssertGradients();
    }

    private double Step(Func<double> backward)
    {
        foreach (var parameter in fixture.Student.parameters())
        {
            parameter.grad?.zero_();
        }
        fixture.Student.train();
        return backward();
    }

    private void AssertGradients()
    {
        var groups = fixture.Student.ParameterGroups();
        using var scope = NewDisposeScope();
        Assert.True(groups.Head.Any(p => p.grad is { } g && g.abs().sum().item<float>() > 0), "no gradient reached the head");
        Assert.True(groups.Backbone.Any(p => p.grad is { } g && g.abs().sum().item<float>() > 0), "no gradient reached the backbone");
    }
}

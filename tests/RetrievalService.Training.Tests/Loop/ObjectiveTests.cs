using RetrievalService.Embedding.Images;
using RetrievalService.Training.Data;
using RetrievalService.Training.Loop;
using RetrievalService.Training.Losses;
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
        var objective = new TupleObjective(fixture.Student, fixture.Loader, fixture.Split, fixture.Teacher, loss, 0.7, Augmentation.Light,
            new CachedImageTargets(fixture.Teacher));

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

    [Fact]
    public void Contr_plus_aims_the_anchor_at_its_anchor_target_of_the_very_view_the_student_saw()
    {
        // A target no cached vector equals: if the objective ignored its anchor targets, the loss would differ.
        var target = fixture.Teacher.Row(SplitImage.Gallery(3)).ToArray();
        var recorder = new RecordingTargets(target);
        var objective = new TupleObjective(fixture.Student, fixture.Loader, fixture.Split, fixture.Teacher, LossKind.ContrastivePlus, 0.7,
            Augmentation.Strong, recorder);
        var tuple = fixture.Tuples[0];

        var value = Step(() => objective.Backward([tuple], new Random(5)));

        // The same view again (same seeded draws), embedded and scored by hand.
        using var view = fixture.Loader.Prepare(fixture.Split.QueryJobs[tuple.Query], Augmentation.Strong, new Random(5));
        Assert.Equal(SplitImage.Query(tuple.Query), Assert.Single(recorder.Images));
        Assert.Equal(view.Pixels.ToArray(), Assert.Single(recorder.Views));
        using var scope = NewDisposeScope();
        fixture.Student.eval();
        using var noGrad = no_grad();
        var anchor = fixture.Student.forward(TrainingImageLoader.ToTensor(view));
        var positive = tensor(fixture.Teacher.Rows([SplitImage.Gallery(tuple.Positive)]), [1, 512], ScalarType.Float32);
        var negatives = tensor(fixture.Teacher.Rows(tuple.Negatives.Select(SplitImage.Gallery)), [1, tuple.Negatives.Count, 512], ScalarType.Float32);
        var expected = ContrastivePlusLoss.Compute(anchor, tensor(target, [1, 512], ScalarType.Float32), positive, negatives, 0.7).item<float>();
        Assert.Equal(expected, value, 4);
    }

    private sealed class RecordingTargets(float[] target) : IImageTargets
    {
        public List<SplitImage> Images { get; } = [];

        public List<float[]> Views { get; } = [];

        public ReadOnlySpan<float> For(SplitImage image, PreprocessedImage view)
        {
            Images.Add(image);
            Views.Add(view.Pixels.ToArray());
            return target;
        }
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

using RetrievalService.Training.Loop;

namespace RetrievalService.Training.Tests.Loop;

/// <summary>Which students live in the teacher's space, and how each run selects its epoch by default.</summary>
public sealed class LossKindTests
{
    [Theory]
    [InlineData("regression", true)]
    [InlineData("asym-contrastive", true)]
    [InlineData("contr-plus", true)]
    [InlineData("asym-triplet", true)]
    [InlineData("sym-contrastive", false)]
    [InlineData("rkd", false)]
    public void Only_losses_that_pull_the_student_onto_the_teacher_select_by_asymmetric_validation(string loss, bool intoTeacherSpace)
    {
        var kind = LossKinds.Parse(loss);
        var options = new TrainingOptions
        {
            Dataset = "d", InitManifest = "i", TeacherManifest = "t", OutputDirectory = "o", ModelId = "m", Loss = kind,
        };

        Assert.Equal(intoTeacherSpace, kind.TrainsIntoTeacherSpace());
        // RKD's loss is blind to a rotation of the teacher's space, so asymmetric validation would pick an epoch
        // at random (it picked the untrained epoch 0 on photoviews); it is selected, like the symmetric baseline, as
        // a symmetric model.
        Assert.Equal(intoTeacherSpace ? SelectionMode.Asymmetric : SelectionMode.Symmetric, options.EffectiveSelection);
        Assert.Equal(SelectionMode.Asymmetric, (options with { Selection = SelectionMode.Asymmetric }).EffectiveSelection);
    }
}

using RetrievalService.Training.Export;

namespace RetrievalService.Training.Tests.Export;

/// <summary>The architecture line of a trained student's manifest.</summary>
public sealed class TrainedStudentManifestTests
{
    private const string Head = "MobileNetV2 1.4 → 1×1 conv 1792→512 → ReLU → GeM p=3 → L2N";

    [Fact]
    public void A_student_trained_from_the_head_init_notes_its_trained_p()
    {
        Assert.Equal($"{Head} (trained: GeM p=2.67)", TrainedStudentManifest.TrainedArchitecture(Head, 2.6701));
    }

    [Fact]
    public void A_warm_started_student_notes_only_its_own_p_not_every_earlier_stages()
    {
        var twoStagesOld = $"{Head} (trained: GeM p=2.67) (trained: GeM p=2.643)";

        Assert.Equal($"{Head} (trained: GeM p=2.609)", TrainedStudentManifest.TrainedArchitecture(twoStagesOld, 2.609));
    }
}

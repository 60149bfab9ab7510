using RetrievalService.Training.Data;
using RetrievalService.Training.Losses;
using RetrievalService.Training.OnnxBridge;
using static TorchSharp.torch;

namespace RetrievalService.Training.Loop;

/// <summary>
/// The label-free losses on single images: regression to the teacher's vector of the same image, and RKD,
/// which relates all images of the batch and therefore runs one backward per batch.
/// </summary>
internal sealed class ImageObjective(OnnxModule student, TrainingImageLoader loader, TrainingSplit split, SplitVectors teacher,
    LossKind loss, Augmentation? augmentation) : IObjective<SplitImage>
{
    public int StudentImages(SplitImage item) => 1;

    public double Backward(IReadOnlyList<SplitImage> batch, Random random)
    {
        using var scope = NewDisposeScope();
        var embedded = cat(batch.Select(image => student.forward(loader.Load(split.Job(image), augmentation, random))).ToList(), 0);
        var targets = tensor(teacher.Rows(batch), [batch.Count, teacher.Dimension], ScalarType.Float32);
        var value = loss switch
        {
            LossKind.Regression => RegressionLoss.Compute(embedded, targets),
            LossKind.Rkd => RkdLoss.Compute(embedded, targets),
            _ => throw new InvalidOperationException($"{loss.Name()} is not an image loss."),
        };
        value.backward();
        return value.item<float>();
    }
}
